using System.Diagnostics;

namespace TriviaNft.Bench.Workload;

/// <summary>
/// A progress line while a phase runs: rewritten in place on a terminal, one line every 5 s when the output is
/// redirected (CI logs).
/// </summary>
internal sealed class Progress(string phase, Func<string> status) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public static Progress Start(string phase, Func<string> status)
    {
        var progress = new Progress(phase, status);
        progress._loop = progress.RunAsync();
        return progress;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        Write(final: true);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var interval = Console.IsOutputRedirected ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(1);
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (true)
            {
                await Task.Delay(interval, _stop.Token).ConfigureAwait(false);
                Write(final: false, Stopwatch.GetElapsedTime(started));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Write(bool final, TimeSpan elapsed = default)
    {
        var line = final ? $"  {phase}: {status()}" : $"  {phase} [{elapsed.TotalSeconds:0} s]: {status()}";
        if (Console.IsOutputRedirected)
        {
            Console.WriteLine(line);
        }
        else
        {
            Console.Write($"\r{line,-110}");
            if (final)
            {
                Console.WriteLine();
            }
        }
    }
}
