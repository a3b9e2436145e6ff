using System.Globalization;
using Npgsql;
using TriviaNft.LocalServers;

namespace TriviaNft.Tests.Infrastructure;

/// <summary>The fixture's servers are the real thing, configured like the AWS topology they stand in for.</summary>
[Collection(ServersCollection.Name)]
public sealed class ServersFixtureTests(ServersFixture servers)
{
    [Fact]
    public async Task ThePostgresServerIsVersionFifteen()
    {
        await using var connection = new NpgsqlConnection(servers.ConnectionString());
        await connection.OpenAsync();

        Assert.Equal(15, connection.PostgreSqlVersion.Major);
    }

    [Fact]
    public async Task PostgresReadsTheSameClockAsTheTests()
    {
        // Tests compare instants from the .NET clock with SQL now(); under ./scripts/test.sh --shift both must be shifted.
        await using var connection = new NpgsqlConnection(servers.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT now()", connection);

        var databaseNow = (DateTime)(await command.ExecuteScalarAsync())!;

        Assert.InRange(databaseNow - DateTime.UtcNow, TimeSpan.FromMinutes(-1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task TheProxyAppliesTheThirtySecondStatementTimeoutAndPoolsTransactions()
    {
        var db = new NpgsqlConnectionStringBuilder(await servers.CreateDatabaseAsync()).Database!;
        await using var dataSource = NpgsqlDataSource.Create(servers.ProxyConnectionString(db) + ";No Reset On Close=true;Max Auto Prepare=0");

        await using var command = dataSource.CreateCommand("SHOW statement_timeout");
        Assert.Equal("30s", await command.ExecuteScalarAsync());

        var config = await ProcessRunner.RunAsync(
            new ServerCommand(ServerBinaries.Postgres("psql"),
                ["-h", "127.0.0.1", "-p", servers.ProxyPort.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-At", "-c", "SHOW CONFIG", "pgbouncer"]),
            environment: new Dictionary<string, string> { ["PGPASSWORD"] = servers.PostgresPassword });
        var poolMode = config.Split('\n').Single(line => line.StartsWith("pool_mode|", StringComparison.Ordinal)).Split('|')[1];

        Assert.Equal("transaction", poolMode);
    }

    [Fact]
    public async Task TheRedisClusterHasThreePrimariesAndRequiresAuth()
    {
        var info = await ProcessRunner.RunAsync(new ServerCommand(
            ServerBinaries.OnPath("redis-cli", "redis-tools", "redis"), ["-p", servers.RedisPorts[0].ToString(CultureInfo.InvariantCulture), "cluster", "info"]),
            environment: new Dictionary<string, string> { ["REDISCLI_AUTH"] = servers.RedisPassword });
        var noAuth = await ProcessRunner.RunAsync(new ServerCommand(
            ServerBinaries.OnPath("redis-cli", "redis-tools", "redis"), ["-p", servers.RedisPorts[0].ToString(CultureInfo.InvariantCulture), "ping"]));

        Assert.Contains("cluster_state:ok", info);
        Assert.Contains("cluster_size:3", info);
        Assert.Contains("NOAUTH", noAuth);
    }
}
