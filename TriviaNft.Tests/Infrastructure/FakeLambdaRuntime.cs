using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TriviaNft.Tests.Infrastructure;

/// <summary>What the function posted back for one invocation.</summary>
public sealed record LambdaOutcome(bool Succeeded, string Body, string? ErrorType);

/// <summary>
/// Lambda's side of a custom runtime, in the test: the Runtime API (next / response / error / init error) and
/// the Parameters and Secrets extension (<c>/secretsmanager/get</c>), on one local Kestrel port. The real
/// migrator program runs against it as <c>bootstrap</c> would in AWS.
/// </summary>
public sealed class FakeLambdaRuntime : IAsyncDisposable
{
    /// <summary>The session token the extension demands, as Lambda's AWS_SESSION_TOKEN.</summary>
    public const string SessionToken = "test-session-token";

    private readonly Channel<(string Id, string Body)> _invocations = Channel.CreateUnbounded<(string, string)>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<LambdaOutcome>> _outcomes = new();
    private readonly ConcurrentDictionary<string, string> _secrets = new();
    private readonly WebApplication _app;

    private FakeLambdaRuntime(WebApplication app) => _app = app;

    /// <summary>The init error the runtime posted, if any.</summary>
    public TaskCompletionSource<string> InitError { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every secret request's token header, to check the extension protocol.</summary>
    public ConcurrentQueue<string?> SecretTokens { get; } = new();

    /// <summary>host:port for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>The port, also the extension's (PARAMETERS_SECRETS_EXTENSION_HTTP_PORT).</summary>
    public int Port { get; private set; }

    /// <summary>Starts the fake on a free port.</summary>
    public static async Task<FakeLambdaRuntime> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeLambdaRuntime(app);
        fake.Map();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        fake.Port = address.Port;
        fake.Address = $"127.0.0.1:{address.Port}";
        return fake;
    }

    /// <summary>Makes <paramref name="secretString"/> the value of secret <paramref name="arn"/>.</summary>
    public void AddSecret(string arn, string secretString) => _secrets[arn] = secretString;

    /// <summary>Queues an invocation and waits for what the function posts back.</summary>
    public async Task<LambdaOutcome> InvokeAsync(string body, TimeSpan timeout)
    {
        var id = Guid.NewGuid().ToString();
        var outcome = _outcomes.GetOrAdd(id, _ => new TaskCompletionSource<LambdaOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _invocations.Writer.WriteAsync((id, body));
        return await outcome.Task.WaitAsync(timeout);
    }

    /// <summary>Environment for the migrator process so that it runs as a Lambda custom runtime against this fake.</summary>
    public Dictionary<string, string> LambdaEnvironment() => new()
    {
        ["AWS_LAMBDA_RUNTIME_API"] = Address,
        ["PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
        ["AWS_SESSION_TOKEN"] = SessionToken,
        ["DATABASE_SSL_MODE"] = "Disable", // the test PostgreSQL has no TLS; AWS defaults to Require
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _invocations.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map()
    {
        const string runtime = "/2018-06-01/runtime";
        _app.MapGet($"{runtime}/invocation/next", async (HttpContext context) =>
        {
            var (id, body) = await _invocations.Reader.ReadAsync(context.RequestAborted);
            context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = id;
            context.Response.Headers["Lambda-Runtime-Deadline-Ms"] =
                DateTimeOffset.UtcNow.AddMinutes(2).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["Lambda-Runtime-Trace-Id"] = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";
            await context.Response.WriteAsync(body);
        });
        _app.MapPost($"{runtime}/invocation/{{id}}/response", async (string id, HttpRequest request) =>
            Complete(id, new LambdaOutcome(true, await ReadAsync(request), null)));
        _app.MapPost($"{runtime}/invocation/{{id}}/error", async (string id, HttpRequest request) =>
            Complete(id, new LambdaOutcome(false, await ReadAsync(request), request.Headers["Lambda-Runtime-Function-Error-Type"].ToString())));
        _app.MapPost($"{runtime}/init/error", async (HttpRequest request) =>
        {
            InitError.TrySetResult(await ReadAsync(request));
            return Results.Accepted();
        });
        _app.MapGet("/secretsmanager/get", (HttpRequest request) =>
        {
            var token = request.Headers["X-Aws-Parameters-Secrets-Token"].ToString();
            SecretTokens.Enqueue(token);
            return token == SessionToken && _secrets.TryGetValue(request.Query["secretId"].ToString(), out var secret)
                ? Results.Json(new Dictionary<string, string> { ["SecretString"] = secret })
                : Results.BadRequest();
        });
    }

    private IResult Complete(string id, LambdaOutcome outcome)
    {
        _outcomes.GetOrAdd(id, _ => new TaskCompletionSource<LambdaOutcome>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(outcome);
        return Results.Accepted();
    }

    private static async Task<string> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync();
    }
}
