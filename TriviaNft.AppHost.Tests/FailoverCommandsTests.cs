using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;
using TriviaNft.LocalServers;
using Xunit.Abstractions;

namespace TriviaNft.AppHost.Tests;

/// <summary>
/// The dashboard's failover commands, executed as the dashboard does (ResourceCommandService) on a started AppHost:
/// each changes the topology the way it says, and the stack keeps serving through the same connection strings.
/// </summary>
[Collection(FailoverAppCollection.Name)]
public sealed class FailoverCommandsTests(FailoverAppFixture stack, ITestOutputHelper output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task FailingOverPostgresPromotesTheReaderBehindTheSameProxyAndRebuildsTheOldWriterAsItsReader()
    {
        var ports = new Dictionary<string, int>
        {
            [ResourceNames.Postgres] = stack.App.GetEndpoint(ResourceNames.Postgres, "tcp").Port,
            [ResourceNames.PostgresReader] = stack.App.GetEndpoint(ResourceNames.PostgresReader, "tcp").Port,
        };
        await using var db = NpgsqlDataSource.Create(await stack.ConnectionStringAsync(ResourceNames.TriviaDb));
        await using var reader = NpgsqlDataSource.Create(await stack.ConnectionStringAsync(ResourceNames.TriviaDbReader));
        var writerBefore = await ScalarAsync<int>(db, "SELECT inet_server_port()");
        var before = $"before-{Guid.NewGuid():N}";
        await ScalarAsync<int>(db, "INSERT INTO players (anon_id) VALUES ($1) RETURNING 1", before);

        var result = await ExecuteAsync(writerBefore == ports[ResourceNames.Postgres] ? ResourceNames.Postgres : ResourceNames.PostgresReader, "failover");

        Assert.True(result.Success, result.Message);
        var writerAfter = await ScalarAsync<int>(db, "SELECT inet_server_port()");
        Assert.NotEqual(writerBefore, writerAfter);
        Assert.Contains(writerAfter, ports.Values);
        Assert.False(await ScalarAsync<bool>(db, "SELECT pg_is_in_recovery()"));
        var after = $"after-{Guid.NewGuid():N}";
        Assert.Equal(1, await ScalarAsync<int>(db, "INSERT INTO players (anon_id) VALUES ($1) RETURNING 1", after));
        Assert.Equal(1L, await ScalarAsync<long>(db, "SELECT count(*) FROM players WHERE anon_id = $1", before));
        // The read-only pool now reaches the old writer, rebuilt as a replica that streams from the new one.
        var replicated = await Poll.UntilAsync(
            () => ScalarAsync<long>(reader, "SELECT count(*) FROM players WHERE anon_id = $1", after), n => n == 1, TestStack.WaitTimeout);
        Assert.Equal(1, replicated);
        Assert.True(await ScalarAsync<bool>(reader, "SELECT pg_is_in_recovery()"));
        Assert.Equal(writerBefore, await ScalarAsync<int>(reader, "SELECT inet_server_port()"));
    }

    [Fact]
    public async Task FailingOverARedisShardMakesAFormerReplicaAPrimaryOfAHealthyCluster()
    {
        var password = stack.Secrets.RedisPassword;
        var ports = Enumerable.Range(0, 6).Select(i => stack.App.GetEndpoint($"{ResourceNames.Redis}-{i}", "tcp").Port).ToList();
        var before = await RedisFailover.NodesAsync(ports[0], password);

        var result = await ExecuteAsync(ResourceNames.Redis, "failover-shard");

        Assert.True(result.Success, result.Message);
        var after = await RedisFailover.NodesAsync(ports[0], password);
        var promoted = after.Where(n => n.IsPrimary).Select(n => n.Port).Except(before.Where(n => n.IsPrimary).Select(n => n.Port)).ToList();
        Assert.Single(promoted);
        Assert.Equal(3, after.Count(n => n.IsPrimary));
        foreach (var port in ports)
        {
            Assert.True(await RedisClusterServer.IsClusterOkAsync(port, password), $"node {port} does not report cluster_state:ok");
        }
    }

    [Fact]
    public async Task RestartingTheProxyBreaksOpenConnectionsAndTheProxyAnswersAgain()
    {
        var connectionString = await stack.ConnectionStringAsync(ResourceNames.TriviaDb);
        await using var open = new NpgsqlConnection(connectionString + ";Pooling=false");
        await open.OpenAsync().WaitAsync(TestStack.WaitTimeout);

        var result = await ExecuteAsync(ResourceNames.Proxy, "restart-proxy");

        Assert.True(result.Success, result.Message);
        await Assert.ThrowsAnyAsync<NpgsqlException>(async () =>
        {
            await using var command = new NpgsqlCommand("SELECT 1", open);
            await command.ExecuteScalarAsync().WaitAsync(TestStack.WaitTimeout);
        });
        await using var db = NpgsqlDataSource.Create(connectionString);
        Assert.Equal(1, await ScalarAsync<int>(db, "SELECT 1"));
    }

    private async Task<ExecuteCommandResult> ExecuteAsync(string resource, string command)
    {
        var commands = stack.App.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(resource, command).WaitAsync(CommandTimeout);
        output.WriteLine($"{resource} {command}: {result.Message}");
        return result;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource source, string sql, params object[] parameters)
    {
        await using var command = source.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync().WaitAsync(TestStack.WaitTimeout))!;
    }
}
