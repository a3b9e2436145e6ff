using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TriviaNft.Migrator.Lambda;

/// <summary>One invocation as the Runtime API hands it out.</summary>
internal sealed record LambdaInvocation(string RequestId, DateTimeOffset Deadline, string? TraceId, string Body);

/// <summary>
/// The Lambda Runtime API (2018-06-01), spoken directly over HTTP: no Amazon.Lambda package is served here,
/// and a custom runtime needs nothing more than these four calls.
/// </summary>
internal sealed class LambdaRuntimeApi(HttpClient http, string runtimeApi)
{
    private readonly string _base = $"http://{runtimeApi}/2018-06-01/runtime";

    /// <summary>Long-polls for the next invocation.</summary>
    public async Task<LambdaInvocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"{_base}/invocation/next"), HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new InvalidOperationException("The Runtime API sent an invocation without Lambda-Runtime-Aws-Request-Id.");
        var deadline = long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.UtcNow.AddMinutes(15);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new LambdaInvocation(requestId, deadline, Header(response, "Lambda-Runtime-Trace-Id"), body);
    }

    /// <summary>Posts the function's result.</summary>
    public Task RespondAsync(string requestId, string json, CancellationToken cancellationToken) =>
        PostAsync($"{_base}/invocation/{requestId}/response", json, errorType: null, cancellationToken);

    /// <summary>Posts an invocation error; CloudFormation's Provider turns it into a failed deployment.</summary>
    public Task InvocationErrorAsync(string requestId, Exception error, CancellationToken cancellationToken) =>
        PostAsync($"{_base}/invocation/{requestId}/error", ErrorJson(error), ErrorType(error), cancellationToken);

    /// <summary>Posts an initialisation error: the runtime could not start.</summary>
    public Task InitErrorAsync(Exception error, CancellationToken cancellationToken) =>
        PostAsync($"{_base}/init/error", ErrorJson(error), ErrorType(error), cancellationToken);

    private async Task PostAsync(string url, string json, string? errorType, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (errorType is not null)
        {
            request.Headers.Add("Lambda-Runtime-Function-Error-Type", errorType);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private static string ErrorType(Exception error) => $"Migrator.{error.GetType().Name}";

    private static string ErrorJson(Exception error) => JsonSerializer.Serialize(
        new LambdaError(error.Message, ErrorType(error), [.. (error.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())]),
        LambdaJsonContext.Default.LambdaError);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
