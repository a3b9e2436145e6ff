using Npgsql;
using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;

namespace TriviaNft.AppHost.Tests;

/// <summary>The writer, its replica and the proxy behave like Aurora behind RDS Proxy.</summary>
[Collection(AppHostCollection.Name)]
public sealed class PostgresTopologyTests(AppHostFixture stack)
{
    [Fact]
    public async Task TheMigratedSchemaIsThereThroughTheProxy()
    {
        await using var db = await stack.DataSourceAsync(ResourceNames.TriviaDb);

        var applied = new List<string>();
        await using (var command = db.CreateCommand("SELECT name FROM pgmigrations ORDER BY id"))
        await using (var reader = await command.ExecuteReaderAsync().WaitAsync(TestStack.WaitTimeout))
        {
            while (await reader.ReadAsync().WaitAsync(TestStack.WaitTimeout))
            {
                applied.Add(reader.GetString(0));
            }
        }

        await using var tables = db.CreateCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'pgmigrations'");
        Assert.Equal(["1_initial-schema", "2_reference-data"], applied);
        Assert.Equal(13L, await tables.ExecuteScalarAsync().WaitAsync(TestStack.WaitTimeout));
    }

    [Fact]
    public async Task ARowWrittenThroughTheProxyIsReadBackFromTheReplica()
    {
        await using var db = await stack.DataSourceAsync(ResourceNames.TriviaDb);
        await using var replica = await stack.DataSourceAsync(ResourceNames.TriviaDbReader);
        var anonId = $"replication-{Guid.NewGuid():N}";

        await using var insert = db.CreateCommand("INSERT INTO players (anon_id) VALUES ($1) RETURNING id");
        insert.Parameters.Add(new NpgsqlParameter { Value = anonId });
        var id = (Guid)(await insert.ExecuteScalarAsync().WaitAsync(TestStack.WaitTimeout))!;

        var seen = await Poll.UntilAsync(async () =>
        {
            await using var select = replica.CreateCommand("SELECT anon_id FROM players WHERE id = $1");
            select.Parameters.Add(new NpgsqlParameter { Value = id });
            return await select.ExecuteScalarAsync() as string;
        }, value => value is not null, TestStack.WaitTimeout);

        Assert.Equal(anonId, seen);
    }

    [Fact]
    public async Task TheReplicaIsReadOnly()
    {
        await using var replica = await stack.DataSourceAsync(ResourceNames.TriviaDbReader);
        await using var insert = replica.CreateCommand("INSERT INTO players (anon_id) VALUES ('never')");

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync().WaitAsync(TestStack.WaitTimeout));

        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, error.SqlState);
    }

    [Theory]
    [InlineData(ResourceNames.TriviaDb, "30s")]
    [InlineData(ResourceNames.TriviaDbReader, "30s")]
    [InlineData(ResourceNames.TriviaDbAdmin, "0")]
    public async Task OnlyConnectionsThroughTheProxyGetTheThirtySecondStatementTimeout(string connectionName, string expected)
    {
        await using var source = await stack.DataSourceAsync(connectionName);
        await using var command = source.CreateCommand("SHOW statement_timeout");

        Assert.Equal(expected, await command.ExecuteScalarAsync().WaitAsync(TestStack.WaitTimeout));
    }
}
