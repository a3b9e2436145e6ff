using Npgsql;
using TriviaNft.Data;
using TriviaNft.LocalServers;

namespace TriviaNft.Bench.Stack;

/// <summary>
/// The AppHost's local topology for one benchmark run, started with the same launchers: a durable PostgreSQL 15
/// (the AppHost's observability settings, no throw-away settings), PgBouncer in transaction pooling with the
/// writer and reader pools, and a 3×1 Redis cluster with AUTH — in a temp folder, on free ports.
/// </summary>
internal sealed class LocalStack : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    // The AppHost's default slow-statement threshold (LocalEmulation:SlowStatementMs).
    private static readonly TimeSpan SlowStatement = TimeSpan.FromMilliseconds(200);
    private readonly List<ServerProcess> _processes = [];
    private LocalRedisCluster? _redis;

    private LocalStack(string root, string password)
    {
        Root = root;
        Password = password;
    }

    /// <summary>The temp folder holding every server's state.</summary>
    public string Root { get; }

    /// <summary>The PostgreSQL superuser, PgBouncer and Redis AUTH password of this run.</summary>
    public string Password { get; }

    public int PostgresPort { get; private set; }

    public int ProxyPort { get; private set; }

    public IReadOnlyList<int> RedisPorts => _redis?.Ports ?? [];

    public string PostgresDataDirectory => Path.Combine(Root, "postgres");

    /// <summary>The writer, directly (migrations, seeding, statistics).</summary>
    public string AdminConnectionString(string database = ResourceNames.DatabaseName) => Build(PostgresPort, database);

    /// <summary>Through PgBouncer, as the game's services connect.</summary>
    public string ProxyConnectionString(string database = ResourceNames.DatabaseName) => Build(ProxyPort, database);

    /// <summary>StackExchange.Redis configuration: every node a seed, with AUTH.</summary>
    public string RedisConfiguration => _redis?.Configuration ?? throw new InvalidOperationException("The Redis cluster has not started.");

    public static async Task<LocalStack> StartAsync(CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), $"trivianft-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var stack = new LocalStack(root, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()));
        try
        {
            await Task.WhenAll(stack.StartPostgresAndProxyAsync(cancellationToken), stack.StartRedisAsync(cancellationToken)).ConfigureAwait(false);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync().ConfigureAwait(false);
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private async Task StartPostgresAndProxyAsync(CancellationToken cancellationToken)
    {
        await PostgresServer.InitializeAsync(PostgresDataDirectory, Password, cancellationToken).ConfigureAwait(false);
        await PostgresServer.BootstrapAsync(PostgresDataDirectory, Password, ResourceNames.DatabaseName, cancellationToken).ConfigureAwait(false);
        PostgresPort = LocalPorts.Free();
        var postgres = Start("postgres", PostgresServer.Command(PostgresDataDirectory, PostgresPort, PostgresServer.ObservabilitySettings(SlowStatement)));
        await postgres.WaitUntilReadyAsync(ct => AcceptsQueriesAsync(AdminConnectionString(), ct), StartTimeout, cancellationToken).ConfigureAwait(false);

        ProxyPort = LocalPorts.Free();
        var ini = await PgBouncerServer.WriteConfigAsync(
            Path.Combine(Root, "pgbouncer"), ProxyPort, PostgresServer.Superuser, Password,
            [
                new PgBouncerPool(ResourceNames.DatabaseName, PostgresPort, ResourceNames.DatabaseName),
                // No replica here: the reader pool serves the writer (the AppHost points it at postgres-reader).
                new PgBouncerPool(ResourceNames.ReaderDatabaseName, PostgresPort, ResourceNames.DatabaseName),
            ],
            cancellationToken).ConfigureAwait(false);
        var proxy = Start("pgbouncer", PgBouncerServer.Command(ini));
        await proxy.WaitUntilReadyAsync(ct => AcceptsQueriesAsync(ProxyConnectionString(), ct), StartTimeout, cancellationToken).ConfigureAwait(false);
    }

    private async Task StartRedisAsync(CancellationToken cancellationToken) =>
        _redis = await LocalRedisCluster.StartAsync(
            Path.Combine(Root, "redis"), Password, primaries: 3, replicasPerPrimary: 1, StartTimeout, cancellationToken).ConfigureAwait(false);

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
        Password = Password,
        Database = database,
        Timeout = 10,
    }.ConnectionString;

    private static async Task<bool> AcceptsQueriesAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
