using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TriviaNft.Data.Jobs;

namespace TriviaNft.Migrator.Jobs;

/// <summary>
/// The scheduler's loopback endpoint for the dashboard's commands: <c>POST /jobs/&lt;job&gt;/run</c> runs the job now
/// in this process (so its span and logs reach the dashboard like a scheduled run's) and answers the run as JSON;
/// <c>GET /jobs</c> lists them. Loopback only: it is a local-emulation convenience, never deployed.
/// </summary>
internal sealed partial class JobTriggerListener(JobRunner runner, int port, ILogger<JobTriggerListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        using var stop = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            // Not tied to the stopping token: an accepted request is always answered (500 if the run is cancelled).
            _ = Task.Run(() => AnswerAsync(context, stoppingToken), CancellationToken.None);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        try
        {
            var path = context.Request.Url?.AbsolutePath.Trim('/').Split('/') ?? [];
            (int Status, string Body) answer = (context.Request.HttpMethod, path) switch
            {
                ("GET", ["jobs"]) => (200, JsonSerializer.Serialize(
                    (IReadOnlyList<JobListEntry>)[.. (await runner.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Select(JobListEntry.From)],
                    JobsJsonContext.Default.IReadOnlyListJobListEntry)),
                ("POST", ["jobs", var job, "run"]) when runner.Jobs.Any(j => j.Name == job) => (200, JsonSerializer.Serialize(
                    JobRunReport.From(await runner.RunAsync(job, cancellationToken: cancellationToken).ConfigureAwait(false)),
                    JobsJsonContext.Default.JobRunReport)),
                _ => (404, "{\"error\":\"unknown route or job\"}"),
            };
            response.StatusCode = answer.Status;
            response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            await response.OutputStream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogAnswerFailed(ex.GetType().Name, ex.Message);
            response.StatusCode = 500;
        }
        finally
        {
            response.Close();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A job trigger failed ({Error}: {Message})")]
    private partial void LogAnswerFailed(string error, string message);
}
