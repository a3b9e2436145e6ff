using System.Globalization;

namespace TriviaNft.LocalServers;

/// <summary>
/// How a native PostgreSQL 15 server of the local emulation is initialised and started. The AppHost
/// turns <see cref="Command"/> into an executable resource; the test fixture starts it as a child process.
/// </summary>
public static partial class PostgresServer
{
    /// <summary>The superuser every local cluster is initialised with, as in Aspire's <c>AddPostgres</c>.</summary>
    public const string Superuser = "postgres";

    /// <summary>Settings that trade durability for speed: for throw-away test clusters only.</summary>
    public static IReadOnlyDictionary<string, string> ThrowAwaySettings { get; } = new Dictionary<string, string>
    {
        ["fsync"] = "off",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
    };

    /// <summary>True when <paramref name="dataDirectory"/> already holds an initialised cluster.</summary>
    public static bool IsInitialized(string dataDirectory) =>
        File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));

    /// <summary>
    /// Runs <c>initdb</c> into <paramref name="dataDirectory"/> with a password-protected superuser:
    /// TCP connections need the password (scram-sha-256), like Aurora.
    /// </summary>
    public static async Task InitializeAsync(
        string dataDirectory, string superuserPassword, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(superuserPassword);
        Directory.CreateDirectory(dataDirectory);
        await OsUser.ChownWhenRootAsync(dataDirectory, OsUser.Postgres, cancellationToken).ConfigureAwait(false);

        // The password goes through a private file, never the command line (visible in `ps`).
        var passwordFile = Path.Combine(Path.GetTempPath(), $"trivianft-pw-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFile, superuserPassword, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            await OsUser.ChownWhenRootAsync(passwordFile, OsUser.Postgres, cancellationToken).ConfigureAwait(false);
            var initdb = new ServerCommand(ServerBinaries.Postgres("initdb"),
            [
                "-D", dataDirectory,
                "-U", Superuser,
                $"--pwfile={passwordFile}",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-instructions",
            ]).AsUserWhenRoot(OsUser.Postgres);
            await ProcessRunner.RunAsync(initdb, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>
    /// The command line of the server: TCP on loopback only, no Unix socket (so no shared socket folder
    /// needs write access), plus <paramref name="settings"/> as <c>-c</c> options.
    /// </summary>
    public static ServerCommand Command(
        string dataDirectory, int port, IReadOnlyDictionary<string, string>? settings = null)
    {
        List<string> arguments =
        [
            "-D", dataDirectory,
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=",
        ];
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            arguments.Add("-c");
            arguments.Add($"{name}={value}");
        }

        return new ServerCommand(ServerBinaries.Postgres("postgres"), arguments).AsUserWhenRoot(OsUser.Postgres);
    }
}
