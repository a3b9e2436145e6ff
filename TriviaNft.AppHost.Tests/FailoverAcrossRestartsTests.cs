using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;

namespace TriviaNft.AppHost.Tests;

/// <summary>
/// The roles a PostgreSQL failover gave the two servers survive an AppHost restart, even with new passwords: the
/// promoted server stays the writer behind <c>trivia-db</c>, the rebuilt one its replica, and the migrator finishes.
/// </summary>
public sealed class FailoverAcrossRestartsTests : IDisposable
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), $"trivianft-failover-restart-{Guid.NewGuid():N}");

    [Fact]
    public async Task AfterAFailoverAndARestartThePromotedServerIsStillTheWriter()
    {
        var anonId = $"failover-restart-{Guid.NewGuid():N}";
        await using (var first = await TestStack.StartAsync(_stateDirectory, TestSecrets.Create(), enableDashboard: false))
        {
            var commands = first.Services.GetRequiredService<ResourceCommandService>();
            var result = await commands.ExecuteCommandAsync(ResourceNames.Postgres, "failover").WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(result.Success, result.Message);
            await using var db = NpgsqlDataSource.Create(await ConnectionStringAsync(first, ResourceNames.TriviaDb));
            await using var insert = db.CreateCommand("INSERT INTO players (anon_id) VALUES ($1)");
            insert.Parameters.Add(new NpgsqlParameter { Value = anonId });
            await insert.ExecuteNonQueryAsync().WaitAsync(TestStack.WaitTimeout);
        }

        await using var second = await TestStack.StartAsync(_stateDirectory, TestSecrets.Create(), enableDashboard: false);
        await using var writer = NpgsqlDataSource.Create(await ConnectionStringAsync(second, ResourceNames.TriviaDb));
        await using var reader = NpgsqlDataSource.Create(await ConnectionStringAsync(second, ResourceNames.TriviaDbReader));

        Assert.Equal(second.GetEndpoint(ResourceNames.PostgresReader, "tcp").Port, await ScalarAsync<int>(writer, "SELECT inet_server_port()"));
        Assert.False(await ScalarAsync<bool>(writer, "SELECT pg_is_in_recovery()"));
        Assert.Equal(1L, await ScalarAsync<long>(writer, "SELECT count(*) FROM players WHERE anon_id = $1", anonId));
        Assert.Equal(second.GetEndpoint(ResourceNames.Postgres, "tcp").Port, await ScalarAsync<int>(reader, "SELECT inet_server_port()"));
        Assert.True(await ScalarAsync<bool>(reader, "SELECT pg_is_in_recovery()"));
        // trivia-db-admin follows the writer too (compared by port: the string holds the password).
        var admin = new NpgsqlConnectionStringBuilder(await ConnectionStringAsync(second, ResourceNames.TriviaDbAdmin));
        Assert.Equal(second.GetEndpoint(ResourceNames.PostgresReader, "tcp").Port, admin.Port);
    }

    public void Dispose()
    {
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }

    private static async Task<string> ConnectionStringAsync(DistributedApplication app, string name) =>
        await app.GetConnectionStringAsync(name).AsTask().WaitAsync(TestStack.WaitTimeout)
        ?? throw new InvalidOperationException($"{name} has no connection string.");

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
