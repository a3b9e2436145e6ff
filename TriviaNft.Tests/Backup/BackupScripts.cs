using System.Diagnostics;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Backup;

/// <summary>What one run of a script printed, and how it exited.</summary>
public sealed record ScriptRun(int ExitCode, string Output, string Error)
{
    /// <summary>Output and error together, for "never printed" checks.</summary>
    public string All => Output + Error;
}

/// <summary>Runs <c>scripts/backup.sh</c> and <c>scripts/restore.sh</c> as operators do, with a clean libpq environment.</summary>
internal static class BackupScripts
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>The repository's <c>scripts/</c> folder.</summary>
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "scripts");

    /// <summary>How restore.sh starts the migrator: the built program, so the test never runs `dotnet run`.</summary>
    public static string MigratorCommand => $"dotnet {MigratorAssemblyPath()}";

    public static async Task<ScriptRun> RunAsync(string script, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(Directory, script));
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        // Only what the test gives: the machine's own libpq and Redis settings must not steer the scripts.
        foreach (var name in new[] { "PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGPASSFILE", "PGDATABASE", "REDIS_URL", "REDISCLI_AUTH", "TRIVIANFT_STATE", "DATABASE_URL" })
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return new ScriptRun(process.ExitCode, await stdout, await stderr);
    }

    private static string MigratorAssemblyPath()
    {
        // Tests run from TriviaNft.Tests/bin/<Configuration>/net10.0/; the migrator builds next door.
        var path = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar).Replace(
            $"{Path.DirectorySeparatorChar}TriviaNft.Tests{Path.DirectorySeparatorChar}",
            $"{Path.DirectorySeparatorChar}TriviaNft.Migrator{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal);
        var assembly = Path.Combine(path, "TriviaNft.Migrator.dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build TriviaNft.Migrator first.", assembly);
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

    /// <summary>The libpq environment of the fixture's superuser, password included (never on a command line).</summary>
    public static Dictionary<string, string> PostgresEnvironment(ServersFixture servers) => new()
    {
        ["PGPASSWORD"] = servers.PostgresPassword,
    };
}
