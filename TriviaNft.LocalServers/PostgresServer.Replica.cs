using System.Globalization;

namespace TriviaNft.LocalServers;

public static partial class PostgresServer
{
    /// <summary>
    /// Clones a running primary into <paramref name="replicaDataDirectory"/> with <c>pg_basebackup -X stream</c>
    /// and marks it as a standby. A physical replication slot named <paramref name="slotName"/> keeps the WAL the
    /// replica has not received yet, so it catches up after any stop; a stale slot of an earlier clone is dropped.
    /// </summary>
    public static async Task CloneReplicaAsync(
        string replicaDataDirectory, int primaryPort, string passFile, string slotName, CancellationToken cancellationToken = default)
    {
        var environment = new Dictionary<string, string> { ["PGPASSFILE"] = passFile };
        var port = primaryPort.ToString(CultureInfo.InvariantCulture);
        var dropStaleSlot = new ServerCommand(ServerBinaries.Postgres("psql"),
        [
            "-h", "127.0.0.1", "-p", port, "-U", Superuser, "-d", "postgres", "-w", "-At", "-v", "ON_ERROR_STOP=1",
            "-c", $"SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '{slotName}'",
        ]).AsUserWhenRoot(OsUser.Postgres);
        await ProcessRunner.RunAsync(dropStaleSlot, cancellationToken, environment).ConfigureAwait(false);

        Directory.CreateDirectory(replicaDataDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(replicaDataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await OsUser.ChownWhenRootAsync(replicaDataDirectory, OsUser.Postgres, cancellationToken).ConfigureAwait(false);
        var baseBackup = new ServerCommand(ServerBinaries.Postgres("pg_basebackup"),
        [
            "-D", replicaDataDirectory, "-h", "127.0.0.1", "-p", port, "-U", Superuser, "-w",
            "-X", "stream", "--checkpoint=fast", "--create-slot", "--slot", slotName,
        ]).AsUserWhenRoot(OsUser.Postgres);
        await ProcessRunner.RunAsync(baseBackup, cancellationToken, environment).ConfigureAwait(false);

        var standbySignal = Path.Combine(replicaDataDirectory, "standby.signal");
        await File.WriteAllTextAsync(standbySignal, string.Empty, cancellationToken).ConfigureAwait(false);
        await OsUser.ChownWhenRootAsync(standbySignal, OsUser.Postgres, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Settings of a streaming replica: where its primary is <em>now</em> (ports change from run to run, so this
    /// is passed with <c>-c</c> at each start rather than written once), its slot, and read-only queries.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReplicaSettings(int primaryPort, string passFile, string slotName) =>
        new Dictionary<string, string>
        {
            ["primary_conninfo"] = string.Create(CultureInfo.InvariantCulture,
                $"host=127.0.0.1 port={primaryPort} user={Superuser} passfile={ConnInfoValue(passFile)} application_name={slotName}"),
            ["primary_slot_name"] = slotName,
            ["hot_standby"] = "on",
        };

    private static string ConnInfoValue(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
