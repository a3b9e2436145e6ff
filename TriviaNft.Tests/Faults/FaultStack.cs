using Npgsql;
using TriviaNft.Data;
using TriviaNft.LocalServers;
using TriviaNft.Migrator.Engine;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Faults;

/// <summary>
/// A stack of the fault suite's own — never the shared <see cref="ServersFixture"/>, whose processes other tests
/// use: a DURABLE PostgreSQL 15 (fsync and synchronous commit on: an acknowledged commit must survive kill -9, which
/// the throw-away settings do not promise), PgBouncer in front of it, and a Redis cluster of 3 primaries × 1 replica.
/// Each server can be killed and started again on the same port and data.
/// </summary>
public sealed partial class FaultStack : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"trivianft-faults-{Guid.NewGuid():N}");
    private readonly string _password = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
    private LocalRedisCluster? _redis;
    private ServerProcess? _postgres;
    private ServerProcess? _proxy;
    private string _proxyIni = string.Empty;

    /// <summary>The writer's port; it keeps it across restarts.</summary>
    public int PostgresPort { get; } = LocalPorts.Free();

    /// <summary>PgBouncer's port; it keeps it across restarts.</summary>
    public int ProxyPort { get; } = LocalPorts.Free();

    /// <summary>The Redis nodes' ports, as created (the first three were the primaries).</summary>
    public IReadOnlyList<int> RedisPorts => Redis.Ports;

    /// <summary>The password of every server.</summary>
    public string Password => _password;

    /// <summary>StackExchange.Redis configuration for the cluster (every node as a seed, with AUTH, admin commands).</summary>
    public string RedisConfiguration =>
        Redis.Configuration + ",allowAdmin=true";

    private string DataDirectory => Path.Combine(_root, "postgres");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Task.WhenAll(StartPostgresAndProxyAsync(), StartRedisClusterAsync());

        async Task StartRedisClusterAsync() =>
            _redis = await LocalRedisCluster.StartAsync(Path.Combine(_root, "redis"), _password, RedisPrimaries, replicasPerPrimary: 1, StartTimeout);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var process in new[] { _proxy, _postgres })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>A migrated database of its own, with the data layer bound to it through PgBouncer.</summary>
    public async Task<MigratedDatabase> CreateMigratedDatabaseAsync()
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(Build(PostgresPort, "postgres") + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var direct = Build(PostgresPort, name);
        await new MigrationRunner(new MigratorOptions { ConnectionString = direct }).UpAsync(MigrationTarget.Default);
        return new MigratedDatabase(name, direct, TriviaNftDataSources.FromConnectionStrings(Build(ProxyPort, name)));
    }

    /// <summary>kill -9 of the writer and of every backend it forked: a crash, no shutdown checkpoint.</summary>
    public async Task KillPostgresAsync()
    {
        await _postgres!.DisposeAsync();
        _postgres = null;
    }

    /// <summary>Starts the writer again on the same data directory and port (crash recovery replays the WAL).</summary>
    public async Task StartPostgresAsync()
    {
        _postgres = ServerProcess.Start("postgres", PostgresServer.Command(DataDirectory, PostgresPort, DurableSettings));
        await _postgres.WaitUntilReadyAsync(ct => ServersFixture.AcceptsQueriesAsync(Build(PostgresPort, "postgres"), ct), StartTimeout);
    }

    /// <summary>Kills PgBouncer (every client connection to it breaks) and starts it again on the same port.</summary>
    public async Task RestartProxyAsync()
    {
        await _proxy!.DisposeAsync();
        await StartProxyAsync();
    }

    // Durable: the defaults (fsync, synchronous_commit, full_page_writes on); only more connections for the load.
    private static Dictionary<string, string> DurableSettings => new() { ["max_connections"] = "200" };

    private async Task StartPostgresAndProxyAsync()
    {
        await PostgresServer.InitializeAsync(DataDirectory, _password);
        await StartPostgresAsync();
        _proxyIni = await PgBouncerServer.WriteConfigAsync(
            Path.Combine(_root, "pgbouncer"), ProxyPort, PostgresServer.Superuser, _password, [new PgBouncerPool("*", PostgresPort)]);
        await StartProxyAsync();
    }

    private async Task StartProxyAsync()
    {
        _proxy = ServerProcess.Start("pgbouncer", PgBouncerServer.Command(_proxyIni));
        await _proxy.WaitUntilReadyAsync(ct => ServersFixture.AcceptsQueriesAsync(Build(ProxyPort, "postgres"), ct), StartTimeout);
    }

    private string Build(int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = PostgresServer.Superuser,
        Password = _password,
        Database = database,
        Timeout = 10,
        CommandTimeout = 30,
    }.ConnectionString;
}

/// <summary>The fault scenarios share one <see cref="FaultStack"/>, and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<FaultStack>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "faults";
}
