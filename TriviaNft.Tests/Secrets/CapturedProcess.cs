using System.Collections.Concurrent;
using System.Diagnostics;

namespace TriviaNft.Tests.Secrets;

/// <summary>A long-running program whose every output line (stdout and stderr) is kept, for secret scans.</summary>
internal sealed class CapturedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private CapturedProcess(Process process) => _process = process;

    /// <summary>Every line so far.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    public static CapturedProcess Start(string executable, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var captured = new CapturedProcess(process);
        process.OutputDataReceived += (_, e) => captured.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => captured.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return captured;
    }

    /// <summary>Kills the program and waits until its output is drained.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
