using System.Globalization;

namespace TriviaNft.LocalServers;

/// <summary>
/// PgBouncer's admin console (the <c>pgbouncer</c> database, simple query protocol only, hence <c>psql</c>): reload
/// the configuration without a restart, so clients keep their connections to the proxy across a failover.
/// </summary>
public static class PgBouncerAdmin
{
    /// <summary>
    /// Makes the PgBouncer on <paramref name="port"/> re-read its ini file (<c>RELOAD</c>). Pools whose server
    /// changed drop their server connections as they are released and connect to the new server.
    /// </summary>
    public static Task ReloadAsync(int port, string user, string password, CancellationToken cancellationToken = default) =>
        RunAsync(port, user, password, "RELOAD", cancellationToken);

    /// <summary>The console's <c>SHOW DATABASES</c>, as psql's unaligned rows (<c>name|host|port|…</c>).</summary>
    public static Task<string> ShowDatabasesAsync(int port, string user, string password, CancellationToken cancellationToken = default) =>
        RunAsync(port, user, password, "SHOW DATABASES", cancellationToken);

    private static Task<string> RunAsync(int port, string user, string password, string command, CancellationToken cancellationToken)
    {
        var psql = new ServerCommand(ServerBinaries.Postgres("psql"),
        [
            "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", user, "-d", "pgbouncer", "-w", "-At",
            "-c", command,
        ]);
        // The password travels in the environment of psql only, never on its command line.
        return ProcessRunner.RunAsync(psql, cancellationToken, new Dictionary<string, string> { ["PGPASSWORD"] = password });
    }
}
