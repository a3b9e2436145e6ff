using System.Globalization;
using Npgsql;
using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;
using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.Tests;

/// <summary>
/// The proxy pools per transaction, like RDS Proxy: a client's session state lives on whichever server
/// connection it last used, so code that relies on it breaks here, on the laptop, first.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class TransactionPoolingTests(AppHostFixture stack)
{
    [Fact]
    public async Task ASessionLevelSetIsNotSeenByTheSameClientsNextTransaction()
    {
        // One client connection each, no client-side pool: what the proxy does is all that is measured.
        var connectionString = new NpgsqlConnectionStringBuilder(await stack.ConnectionStringAsync(ResourceNames.TriviaDb)) { Pooling = false }.ConnectionString;
        await using var setter = new NpgsqlConnection(connectionString);
        await using var holder = new NpgsqlConnection(connectionString);
        await setter.OpenAsync().WaitAsync(TestStack.WaitTimeout);
        await holder.OpenAsync().WaitAsync(TestStack.WaitTimeout);
        var probe = Guid.NewGuid().ToString("N");

        // The SET runs in its own (implicit) transaction; its server connection then goes back to the pool.
        await ExecuteScalarAsync(setter, $"SET trivianft.probe = '{probe}'");

        // Another client takes the most recently released server connection and keeps it busy...
        await using var transaction = await holder.BeginTransactionAsync().AsTask().WaitAsync(TestStack.WaitTimeout);
        var seenByOtherClient = await ExecuteScalarAsync(holder, "SELECT current_setting('trivianft.probe', true)", transaction);

        // ...so the setter's next transaction runs on another server connection, where its SET never happened.
        var seenBySetter = await ExecuteScalarAsync(setter, "SELECT current_setting('trivianft.probe', true)");
        await transaction.CommitAsync().WaitAsync(TestStack.WaitTimeout);

        Assert.NotEqual(probe, seenBySetter);
        Assert.Equal(probe, seenByOtherClient);
    }

    [Fact]
    public async Task TheProxyRunsInTransactionPoolMode()
    {
        var proxy = new NpgsqlConnectionStringBuilder(await stack.ConnectionStringAsync(ResourceNames.TriviaDb));

        var config = await ProcessRunner.RunAsync(
            new ServerCommand(ServerBinaries.Postgres("psql"),
                ["-h", proxy.Host!, "-p", proxy.Port.ToString(CultureInfo.InvariantCulture), "-U", proxy.Username!, "-At", "-c", "SHOW CONFIG", "pgbouncer"]),
            environment: new Dictionary<string, string> { ["PGPASSWORD"] = proxy.Password! }).WaitAsync(TestStack.WaitTimeout);
        var poolMode = config.Split('\n').Single(line => line.StartsWith("pool_mode|", StringComparison.Ordinal)).Split('|')[1];

        Assert.Equal("transaction", poolMode);
    }

    private static async Task<string?> ExecuteScalarAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteScalarAsync().WaitAsync(TestStack.WaitTimeout) as string;
    }
}
