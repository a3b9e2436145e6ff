using System.Globalization;

namespace TriviaNft.LocalServers;

/// <summary>
/// PostgreSQL failover as Aurora does it: the reader is promoted to writer, the proxy is re-pointed (see
/// <see cref="PgBouncerAdmin"/>), and a new reader is rebuilt from the new writer in the old writer's place.
/// </summary>
public static class PostgresFailover
{
    /// <summary>How long a promotion may take before it is reported as failed.</summary>
    public static readonly TimeSpan PromoteTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Promotes the running standby in <paramref name="dataDirectory"/> (<c>pg_ctl promote -w</c>): it leaves
    /// recovery, starts a new timeline and accepts writes when this returns.
    /// </summary>
    public static Task PromoteAsync(string dataDirectory, CancellationToken cancellationToken = default)
    {
        var promote = new ServerCommand(ServerBinaries.Postgres("pg_ctl"),
        [
            "promote", "-D", dataDirectory, "-w", "-t", ((int)PromoteTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        ]).AsUserWhenRoot(OsUser.Postgres);
        return ProcessRunner.RunAsync(promote, cancellationToken);
    }

    /// <summary>
    /// Stops the server of <paramref name="dataDirectory"/> if it still runs (<c>pg_ctl stop -m fast</c>): open
    /// transactions are rolled back and clients are disconnected, as when Aurora fences the old writer.
    /// </summary>
    public static async Task StopIfRunningAsync(string dataDirectory, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            return;
        }

        var stop = new ServerCommand(ServerBinaries.Postgres("pg_ctl"), ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "60"])
            .AsUserWhenRoot(OsUser.Postgres);
        try
        {
            await ProcessRunner.RunAsync(stop, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException) when (!File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            // It stopped (or had died) between the check and the command.
        }
    }

    /// <summary>
    /// Replaces the stopped server in <paramref name="dataDirectory"/> by a fresh streaming replica of the writer on
    /// <paramref name="primaryPort"/>: its data are wiped (they may hold transactions the new writer never saw,
    /// a diverged timeline that cannot follow it) and cloned again with <c>pg_basebackup</c>.
    /// </summary>
    public static async Task RebuildReplicaAsync(
        string dataDirectory, int primaryPort, string passFile, string slotName, CancellationToken cancellationToken = default)
    {
        if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            throw new InvalidOperationException($"The server in {dataDirectory} still runs: stop it before rebuilding it as a replica.");
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        await PostgresServer.CloneReplicaAsync(dataDirectory, primaryPort, passFile, slotName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="dataDirectory"/> holds a standby (it has a <c>standby.signal</c> file).</summary>
    public static bool IsStandby(string dataDirectory) => File.Exists(Path.Combine(dataDirectory, "standby.signal"));
}
