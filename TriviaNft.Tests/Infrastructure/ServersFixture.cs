using Npgsql;
using TriviaNft.Data;
using TriviaNft.LocalServers;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Tests.Infrastructure;

/// <summary>
/// The real servers the tests talk to, started once per test run with the same launcher code the AppHost
/// uses: a native PostgreSQL 15, PgBouncer in transaction mode in front of it (the local RDS Proxy), and a
/// Redis 7 cluster of 3 primaries with 1 replica each — all on free ports with throw-away state. Each test
/// creates its own database and its own keys, so tests never share state.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
{
    private const int RedisPrimaries = 3;
    private const int RedisReplicasPerPrimary = 1;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"trivianft-tests-{Guid.NewGuid():N}");
    private readonly string _password = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
    private readonly List<ServerProcess> _processes = [];
    private LocalRedisCluster? _redis;

    /// <summary>The port PostgreSQL listens on (127.0.0.1).</summary>
    public int PostgresPort { get; private set; }

    /// <summary>The port PgBouncer listens on (127.0.0.1); any database name pools onto the same-named database.</summary>
    public int ProxyPort { get; private set; }

    /// <summary>The ports of the Redis cluster's nodes.</summary>
    public IReadOnlyList<int> RedisPorts => _redis?.Ports ?? [];

    /// <summary>The superuser password of the test cluster; also the PgBouncer and Redis password.</summary>
    public string PostgresPassword => _password;

    /// <summary>The Redis AUTH password.</summary>
    public string RedisPassword => _password;

    /// <summary>StackExchange.Redis configuration for the cluster (every node as a seed, with AUTH).</summary>
    public string RedisConfiguration => _redis?.Configuration ?? throw new InvalidOperationException("The Redis cluster has not started.");

    /// <summary>Connection string of the superuser to <paramref name="database"/>, directly.</summary>
    public string ConnectionString(string database = "postgres") => Build(PostgresPort, database);

    /// <summary>Connection string to <paramref name="database"/> through PgBouncer (transaction pooling).</summary>
    public string ProxyConnectionString(string database) => Build(ProxyPort, database);

    /// <summary>Creates an empty database with a unique name and returns its direct connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>
    /// Creates a database with every migration applied and returns it with a data layer bound to it
    /// through PgBouncer, as the game's services reach it (the reader is the same proxy: no replica here).
    /// </summary>
    public async Task<MigratedDatabase> CreateMigratedDatabaseAsync()
    {
        var direct = await CreateDatabaseAsync();
        await new MigrationRunner(new MigratorOptions { ConnectionString = direct }).UpAsync(MigrationTarget.Default);
        var name = new NpgsqlConnectionStringBuilder(direct).Database!;
        return new MigratedDatabase(name, direct, TriviaNftDataSources.FromConnectionStrings(ProxyConnectionString(name)));
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Task.WhenAll(StartPostgresAndProxyAsync(), StartRedisClusterAsync());
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
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

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort() => LocalPorts.Free();

    private async Task StartPostgresAndProxyAsync()
    {
        var dataDirectory = Path.Combine(_root, "postgres");
        await PostgresServer.InitializeAsync(dataDirectory, _password);
        PostgresPort = FreePort();
        var postgres = Start("postgres", PostgresServer.Command(dataDirectory, PostgresPort, PostgresServer.ThrowAwaySettings));
        await postgres.WaitUntilReadyAsync(ct => AcceptsQueriesAsync(ConnectionString(), ct), StartTimeout);

        ProxyPort = FreePort();
        var ini = await PgBouncerServer.WriteConfigAsync(
            Path.Combine(_root, "pgbouncer"), ProxyPort, PostgresServer.Superuser, _password, [new PgBouncerPool("*", PostgresPort)]);
        var proxy = Start("pgbouncer", PgBouncerServer.Command(ini));
        await proxy.WaitUntilReadyAsync(ct => AcceptsQueriesAsync(ProxyConnectionString("postgres"), ct), StartTimeout);
    }

    private async Task StartRedisClusterAsync()
    {
        _redis = await LocalRedisCluster.StartAsync(Path.Combine(_root, "redis"), _password, RedisPrimaries, RedisReplicasPerPrimary, StartTimeout);
    }

    private ServerProcess Start(string name, ServerCommand command)
    {
        var process = ServerProcess.Start(name, command);
        lock (_processes)
        {
            _processes.Add(process);
        }

        return process;
    }

    private string Build(int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = PostgresServer.Superuser,
        Password = _password,
        Database = database,
        Timeout = 10,
    }.ConnectionString;

    /// <summary>True when a fresh, unpooled connection to <paramref name="connectionString"/> answers <c>SELECT 1</c>.</summary>
    internal static async Task<bool> AcceptsQueriesAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
