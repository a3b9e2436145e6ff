using System.Globalization;
using System.Text;

namespace TriviaNft.LocalServers;

/// <summary>One <c>[databases]</c> entry: the name clients ask for and the server it pools onto.</summary>
/// <param name="Alias">What clients put in <c>Database=</c>; <c>*</c> is PgBouncer's fallback for any name.</param>
/// <param name="Port">The PostgreSQL server's port on 127.0.0.1.</param>
/// <param name="Database">The real database name; null keeps the client's.</param>
public sealed record PgBouncerPool(string Alias, int Port, string? Database = null);

/// <summary>
/// PgBouncer as the local RDS Proxy: transaction pooling (session state does not survive a transaction, as
/// behind RDS Proxy), password authentication, and <c>statement_timeout = 30s</c> set on every server
/// connection by <c>connect_query</c>, the counterpart of the proxy's init query. After a failed server login it
/// retries after 1 s (PgBouncer's default, 15 s, would refuse every client for 15 s after a writer restart or
/// failover; RDS Proxy reconnects as soon as the writer is back).
/// </summary>
public static class PgBouncerServer
{
    /// <summary>The statement timeout the proxy applies (the guide: "Init Query: Sets 30-second statement timeout").</summary>
    public const string StatementTimeout = "30s";

    /// <summary>Server connections per pool: the guide's 20 connections per client process.</summary>
    public const int DefaultPoolSize = 20;

    /// <summary>
    /// Writes <c>pgbouncer.ini</c> and its <c>userlist.txt</c> (mode 600, owned by the service user) into
    /// <paramref name="directory"/> and returns the ini's path.
    /// </summary>
    public static async Task<string> WriteConfigAsync(
        string directory, int listenPort, string user, string password, IReadOnlyList<PgBouncerPool> pools,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var userList = Path.Combine(directory, "userlist.txt");
        await File.WriteAllTextAsync(userList, $"\"{user}\" \"{password.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n", cancellationToken)
            .ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(userList, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var connectQuery = $"SET statement_timeout = ''{StatementTimeout}''";
        var ini = new StringBuilder("[databases]\n");
        foreach (var pool in pools)
        {
            var database = pool.Database is null ? string.Empty : $" dbname={pool.Database}";
            ini.Append(CultureInfo.InvariantCulture,
                $"{pool.Alias} = host=127.0.0.1 port={pool.Port}{database} connect_query='{connectQuery}'\n");
        }

        ini.Append(CultureInfo.InvariantCulture, $"""

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {listenPort}
            unix_socket_dir =
            auth_type = scram-sha-256
            auth_file = {userList}
            admin_users = {user}
            pool_mode = transaction
            default_pool_size = {DefaultPoolSize}
            max_client_conn = 1000
            ignore_startup_parameters = extra_float_digits
            server_connect_timeout = 10
            server_login_retry = 1
            query_wait_timeout = 120
            log_connections = 0
            log_disconnections = 0

            """);
        var path = Path.Combine(directory, "pgbouncer.ini");
        await File.WriteAllTextAsync(path, ini.ToString(), cancellationToken).ConfigureAwait(false);
        await OsUser.ChownWhenRootAsync(directory, OsUser.Postgres, cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>The command line; PgBouncer refuses to run as root, so it runs as the PostgreSQL user then.</summary>
    public static ServerCommand Command(string iniPath) =>
        new ServerCommand(ServerBinaries.OnPath("pgbouncer", "pgbouncer", "pgbouncer"), [iniPath])
            .AsUserWhenRoot(OsUser.Postgres);
}
