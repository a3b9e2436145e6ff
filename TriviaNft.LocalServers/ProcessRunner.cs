using System.Diagnostics;
using System.Text;

namespace TriviaNft.LocalServers;

/// <summary>Runs short-lived helper programs (initdb, chown, redis-cli …) to completion.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="command"/> and returns its standard output; fails with its output on a non-zero exit.</summary>
    public static async Task<string> RunAsync(
        ServerCommand command,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string>? environment = null)
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

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {command.FileName}.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        output.Append(await stdout.ConfigureAwait(false));
        var errors = await stderr.ConfigureAwait(false);

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{Path.GetFileName(command.FileName)}' exited with code {process.ExitCode}: {errors.Trim()} {output.ToString().Trim()}".Trim());
        }

        return output.ToString();
    }
}
