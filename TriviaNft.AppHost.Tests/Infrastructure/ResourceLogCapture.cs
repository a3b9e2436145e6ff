using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace TriviaNft.AppHost.Tests.Infrastructure;

/// <summary>
/// Follows the console log of every resource of the app, backlog first, as the dashboard's console view shows
/// them. Started once the app has started: only then are the processes' orchestrator names known.
/// </summary>
internal sealed class ResourceLogCapture : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Task> _watchers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Resource, string Line)> _lines = new();
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Every line so far, with its resource's name.</summary>
    public IReadOnlyList<(string Resource, string Line)> Lines => [.. _lines];

    /// <summary>Starts following every resource of the started app.</summary>
    public void Follow(DistributedApplication app)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var resource in app.Services.GetRequiredService<DistributedApplicationModel>().Resources)
        {
            _watchers.GetOrAdd(resource.Name, _ => Task.Run(() => WatchAsync(logs, resource)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_watchers.Values);
        _stop.Dispose();
    }

    // By resource, not by name: a process's log is kept under its orchestrator name (name plus a suffix).
    private async Task WatchAsync(ResourceLoggerService logs, IResource resource)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(_stop.Token))
            {
                foreach (var line in batch)
                {
                    _lines.Enqueue((resource.Name, line.Content));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The app stopped.
        }
    }
}
