using System.Net;
using System.Net.Sockets;
using Npgsql;
using TriviaNft.LocalServers;

namespace TriviaNft.Tests.Infrastructure;

/// <summary>
/// The real servers the tests talk to, started once per test run with the same launcher code the AppHost
/// uses: a native PostgreSQL 15 on a free port with a throw-away data directory. Each test creates its
/// own database, so tests never share state.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"trivianft-tests-{Guid.NewGuid():N}");
    private readonly string _password = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
    private ServerProcess? _postgres;

    /// <summary>The port PostgreSQL listens on (127.0.0.1).</summary>
    public int PostgresPort { get; private set; }

    /// <summary>The superuser password of the test cluster.</summary>
    public string PostgresPassword => _password;

    /// <summary>Connection string of the superuser to <paramref name="database"/>.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = PostgresPort,
        Username = PostgresServer.Superuser,
        Password = _password,
        Database = database,
        Timeout = 10,
    }.ConnectionString;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var dataDirectory = Path.Combine(_root, "postgres");
        await PostgresServer.InitializeAsync(dataDirectory, _password);
        PostgresPort = FreePort();
        _postgres = ServerProcess.Start("postgres", PostgresServer.Command(dataDirectory, PostgresPort, PostgresServer.ThrowAwaySettings));
        await _postgres.WaitUntilReadyAsync(AcceptsQueriesAsync, StartTimeout);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<bool> AcceptsQueriesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
