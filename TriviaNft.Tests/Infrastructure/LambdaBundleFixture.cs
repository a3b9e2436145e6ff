using TriviaNft.LocalServers;

namespace TriviaNft.Tests.Infrastructure;

/// <summary>
/// Publishes the migration Lambda's bundle once per test run with the script operators use
/// (<c>scripts/build-lambda-bundle.sh</c>), so the Lambda tests drive the very <c>bootstrap</c> that deploys.
/// </summary>
public sealed class LambdaBundleFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trivianft-bundle-{Guid.NewGuid():N}");

    /// <summary>The published single-file executable.</summary>
    public string Bootstrap => Path.Combine(_directory, "bootstrap");

    /// <summary>The bundle directory.</summary>
    public string Directory => _directory;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "build-lambda-bundle.sh");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await ProcessRunner.RunAsync(new ServerCommand("bash", [script, _directory]), timeout.Token);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        if (System.IO.Directory.Exists(_directory))
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TriviaNft.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The test run is not inside the repository.");
    }
}
