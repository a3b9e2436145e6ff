using System.Diagnostics;
using Npgsql;
using TriviaNft.LocalServers;
using TriviaNft.Migrator.Cli;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Tests.Infrastructure;

/// <summary>The outcome of one migrator run: exit code and what it printed.</summary>
public sealed record MigratorRun(int ExitCode, string Output, string Error);

/// <summary>Runs the migrator the ways its users do: the CLI in-process, or the built program as a real process.</summary>
public static class MigratorHarness
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The migrations shipped with the build.</summary>
    public static string ShippedMigrations => MigrationSource.DefaultDirectory;

    /// <summary>The CLI entry point, in-process: fast, and the exit code is the CLI's own.</summary>
    public static async Task<MigratorRun> RunCliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MigratorCli.RunAsync(args, output, error, EmptyConfiguration());
        return new MigratorRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The built <c>TriviaNft.Migrator</c> as a separate process, exactly as scripts and Aspire start it.</summary>
    public static async Task<MigratorRun> RunProcessAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(MigratorAssemblyPath());
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        // A clean environment for the variables the migrator reads, so the machine's own cannot leak in.
        startInfo.Environment.Remove("DATABASE_URL");
        startInfo.Environment.Remove("ConnectionStrings__trivia-db-admin");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return new MigratorRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts <paramref name="executable"/> (e.g. the Lambda bundle's <c>bootstrap</c>) as a long-running process.</summary>
    public static ServerProcess StartProcess(string executable, IReadOnlyDictionary<string, string> environment) =>
        ServerProcess.Start(Path.GetFileName(executable), new ServerCommand(executable, []), environment);

    /// <summary>A private copy of the shipped migrations that a test may add to or edit.</summary>
    public static string CopyOfShippedMigrations()
    {
        var directory = Directory.CreateTempSubdirectory("trivianft-migrations-").FullName;
        foreach (var file in Directory.EnumerateFiles(ShippedMigrations, "*.sql"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return directory;
    }

    /// <summary>The names recorded in <c>pgmigrations</c>, in the order they ran.</summary>
    public static async Task<IReadOnlyList<string>> AppliedNamesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name FROM pgmigrations ORDER BY run_on, id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static Microsoft.Extensions.Configuration.IConfiguration EmptyConfiguration() =>
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();

    private static string MigratorAssemblyPath()
    {
        // Tests run from TriviaNft.Tests/bin/<Configuration>/net10.0/; the migrator builds next door.
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var path = testBin.Replace(
            $"{Path.DirectorySeparatorChar}TriviaNft.Tests{Path.DirectorySeparatorChar}",
            $"{Path.DirectorySeparatorChar}TriviaNft.Migrator{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal);
        var assembly = Path.Combine(path, "TriviaNft.Migrator.dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build TriviaNft.Migrator first.", assembly);
    }
}
