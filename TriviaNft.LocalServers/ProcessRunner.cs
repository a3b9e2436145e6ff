using System.Diagnostics;
using System.Text;

namespace TriviaNft.LocalServers;

/// <summary>Runs short-lived helper programs (initdb, chown, redis-cli …) to completion.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="command"/> and returns its standard output; fails with its output on a non-zero exit.</summary>
    /// <param name="command">The program and its arguments.</param>
    /// <param name="cancellationToken">Cancels the wait (the program is not killed).</param>
    /// <param name="environment">Extra environment variables, e.g. a password that must not appear on the command line.</param>
    /// <param name="standardInput">Text written to the program's standard input, which is then closed; secrets go here, not in arguments.</param>
    public static async Task<string> RunAsync(
        ServerCommand command,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string>? environment = null,
        string? standardInput = null)
    {
        var startInfo = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
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

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {command.FileName}.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
        }

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
