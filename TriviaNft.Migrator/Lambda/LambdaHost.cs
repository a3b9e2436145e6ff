using System.Diagnostics;
using TriviaNft.Data.Configuration;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Migrator.Lambda;

/// <summary>
/// The <c>provided.al2023</c> custom runtime: the executable <c>bootstrap</c> runs this loop — next invocation,
/// handle, post the response or the error — until Lambda freezes or stops the process.
/// </summary>
internal static class LambdaHost
{
    /// <summary>True when Lambda started this process (it always sets AWS_LAMBDA_RUNTIME_API).</summary>
    public static bool IsLambda => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API"));

    public static async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var runtime = new LambdaRuntimeApi(http, Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API")!);
        MigrationEventHandler handler;
        try
        {
            var migrations = Environment.GetEnvironmentVariable("MIGRATIONS_DIR") ?? MigrationSource.DefaultDirectory;
            _ = MigrationSource.Load(migrations); // a broken bundle fails at init, not at the first deploy
            var secrets = new AwsSecretsExtensionResolver(http);
            handler = new MigrationEventHandler(secrets, migrations, new JobEventHandler(secrets, Console.Out));
        }
        catch (Exception ex)
        {
            await runtime.InitErrorAsync(ex, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Configuration;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var invocation = await runtime.NextAsync(cancellationToken).ConfigureAwait(false);
            // The custom runtime contract: the trace id travels in _X_AMZN_TRACE_ID for the SDKs and our spans.
            Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", invocation.TraceId);
            using var activity = MigrationRunner.ActivitySource.StartActivity("lambda invoke");
            activity?.SetTag("faas.invocation_id", invocation.RequestId);
            activity?.SetTag("aws.xray.trace_id", invocation.TraceId);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Clamp(invocation.Deadline - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1)));
            try
            {
                var response = await handler.HandleAsync(invocation, deadline.Token).ConfigureAwait(false);
                await runtime.RespondAsync(invocation.RequestId, response, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                await Console.Error.WriteLineAsync($"Invocation {invocation.RequestId} failed: {ex.Message}").ConfigureAwait(false);
                await runtime.InvocationErrorAsync(invocation.RequestId, ex, cancellationToken).ConfigureAwait(false);
            }
        }

        return ExitCodes.Ok;
    }

    private static TimeSpan Clamp(TimeSpan value) => value < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : value;
}
