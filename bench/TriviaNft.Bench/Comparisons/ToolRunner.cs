using System.Diagnostics;

namespace TriviaNft.Bench.Comparisons;

/// <summary>Runs a command-line tool (pgbench, psql, dotnet) and returns its output; secrets go in the environment.</summary>
internal static class ToolRunner
{
    public static async Task<(string Output, TimeSpan Elapsed)> RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        return process.ExitCode == 0
            ? (output, elapsed)
            : throw new InvalidOperationException($"{Path.GetFileName(fileName)} exited with code {process.ExitCode}: {output.Trim()}");
    }

    /// <summary>A PostgreSQL 15 client program: Debian's versioned folder first, then the PATH.</summary>
    public static string Postgres(string program)
    {
        var debian = Path.Combine("/usr/lib/postgresql/15/bin", program);
        return File.Exists(debian) ? debian : program;
    }
}
