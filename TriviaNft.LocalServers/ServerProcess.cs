using System.Collections.Concurrent;
using System.Diagnostics;

namespace TriviaNft.LocalServers;

/// <summary>
/// A long-running native server started as a child process, for hosts without the Aspire orchestrator
/// (the test fixture, the fault suite). Keeps the last lines of its output for error messages and
/// kills it on dispose.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lastLines = new();

    private ServerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>A short name for messages, such as "postgres".</summary>
    public string Name { get; }

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The last lines the process wrote, for diagnostics when it fails to start.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _lastLines);

    /// <summary>Starts <paramref name="command"/>, with <paramref name="environment"/> added to this process's.</summary>
    public static ServerProcess Start(
        string name, ServerCommand command, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        RealClock.Apply(command.FileName, startInfo.Environment);

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var server = new ServerProcess(process, name);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {name} ({command.FileName}).");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls <paramref name="isReady"/> until it returns true, the process dies, or the timeout passes.</summary>
    public async Task WaitUntilReadyAsync(
        Func<CancellationToken, Task<bool>> isReady, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{Name} exited with code {_process.ExitCode} while starting:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                if (await isReady(deadline.Token).ConfigureAwait(false))
                {
                    return;
                }

                await Task.Delay(50, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"{Name} was not ready after {timeout.TotalSeconds:0} s:{Environment.NewLine}{RecentOutput}");
            }
        }
    }

    /// <summary>Stops the process: SIGKILL of the whole tree; throw-away servers need no clean shutdown.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lastLines.Enqueue(line);
        while (_lastLines.Count > KeptLines && _lastLines.TryDequeue(out _))
        {
        }
    }
}
