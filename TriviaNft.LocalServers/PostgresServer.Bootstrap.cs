using System.Globalization;
using System.Text.RegularExpressions;

namespace TriviaNft.LocalServers;

public static partial class PostgresServer
{
    /// <summary>
    /// The local stand-ins for Aurora's Performance Insights (<c>pg_stat_statements</c>, loaded at start) and
    /// its slow-query log (statements slower than <paramref name="slowStatement"/> are logged with their duration).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ObservabilitySettings(TimeSpan slowStatement) => new Dictionary<string, string>
    {
        ["shared_preload_libraries"] = "pg_stat_statements",
        ["pg_stat_statements.track"] = "all",
        ["track_io_timing"] = "on",
        ["log_min_duration_statement"] = string.Create(CultureInfo.InvariantCulture, $"{(long)slowStatement.TotalMilliseconds}ms"),
        ["log_line_prefix"] = "%m [%p] %q%u@%d ",
    };

    /// <summary>
    /// Makes a stopped cluster ready for the app, in single-user mode (no port, no connection, no password on a
    /// command line): sets the superuser's password from <paramref name="superuserPassword"/>, so a cluster
    /// initialised with another password still works, and creates <paramref name="database"/> with the
    /// <c>pg_stat_statements</c> extension when they are missing. Idempotent.
    /// </summary>
    public static async Task BootstrapAsync(
        string dataDirectory, string superuserPassword, string database, CancellationToken cancellationToken = default)
    {
        if (!IdentifierPattern().IsMatch(database))
        {
            throw new ArgumentException($"'{database}' is not a plain lower-case identifier.", nameof(database));
        }

        // A SCRAM verifier, not the clear text: nothing secret can end up in a log line or an error message.
        var listing = await SingleUserAsync(dataDirectory, Superuser,
        [
            $"ALTER ROLE {Superuser} PASSWORD '{ScramVerifier.Create(superuserPassword)}';",
            $"SELECT datname FROM pg_database WHERE datname = '{database}';",
        ], cancellationToken).ConfigureAwait(false);

        if (!listing.Contains($"datname = \"{database}\"", StringComparison.Ordinal))
        {
            await SingleUserAsync(dataDirectory, Superuser, [$"CREATE DATABASE {database};"], cancellationToken).ConfigureAwait(false);
        }

        await SingleUserAsync(dataDirectory, database, ["CREATE EXTENSION IF NOT EXISTS pg_stat_statements;"], cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a libpq password file (mode 600, owned by the service user) that lets local tools and the
    /// replica's WAL receiver authenticate as the superuser without a password on any command line.
    /// </summary>
    public static async Task WritePassFileAsync(string path, string superuserPassword, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var escaped = superuserPassword.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, $"127.0.0.1:*:*:{Superuser}:{escaped}\n", cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await OsUser.ChownWhenRootAsync(path, OsUser.Postgres, cancellationToken).ConfigureAwait(false);
    }

    private static Task<string> SingleUserAsync(
        string dataDirectory, string database, IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        // One statement per line: without -j, single-user mode ends a command at each newline.
        var command = new ServerCommand(ServerBinaries.Postgres("postgres"), ["--single", "-D", dataDirectory, database])
            .AsUserWhenRoot(OsUser.Postgres);
        return ProcessRunner.RunAsync(command, cancellationToken, standardInput: string.Join('\n', statements) + "\n");
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
