using System.Diagnostics;
using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.Tests;

/// <summary>A missing server binary stops the AppHost before anything starts, with one message that says what to install.</summary>
public sealed class MissingServerBinaryTests : IDisposable
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), $"trivianft-missing-{Guid.NewGuid():N}");

    [Fact]
    public async Task AMissingPostgresStopsTheStartWithOneMessageNamingThePackagesAndTheInstallCommand()
    {
        // The AppHost executable the test project was built with, pointed at a PostgreSQL that is not there.
        var startInfo = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "TriviaNft.AppHost"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add($"--LocalEmulation:StateDirectory={_stateDirectory}");
        startInfo.Environment[ServerBinaries.PostgresBinVariable] = "/nonexistent/postgresql/15/bin";

        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TestStack.WaitTimeout);
        var message = (await stderr).Trim();

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(
            "'postgres' was not found. Install it with `./scripts/install-prerequisites.sh` "
            + "(Debian/Ubuntu package 'postgresql-15', Homebrew formula 'postgresql@15').",
            message);
        Assert.DoesNotContain("Exception", await stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }
}
