using TriviaNft.Data.Configuration;
using TriviaNft.Data.Errors;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class ErrorMappingTests(ServersFixture servers)
{
    [Fact]
    public async Task EveryConstraintOfTheSchemaHasAMessageForCallers()
    {
        await using var db = await servers.CreateMigratedDatabaseAsync();

        var names = await SchemaInspector.ConstraintsAsync(db.DirectConnectionString);
        var uniqueIndexes = (await SchemaInspector.IndexesAsync(db.DirectConnectionString)).Where(n => n.StartsWith("uq_", StringComparison.Ordinal));
        var missing = names.Concat(uniqueIndexes)
            .Where(n => !n.StartsWith("pk_", StringComparison.Ordinal) && n != "pgmigrations_pkey")
            .Where(n => !ConstraintRules.Messages.ContainsKey(n))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void ProxyRulesAreAppliedAndExplicitPoolSettingsKept()
    {
        var applied = new Npgsql.NpgsqlConnectionStringBuilder(ProxyConnectionSettings.Apply(
            "Host=h;Database=d;Username=u;Options=-c search_path=x;Maximum Pool Size=5"));

        Assert.True(applied.NoResetOnClose);
        Assert.Equal(0, applied.MaxAutoPrepare);
        Assert.Null(applied.Options);
        Assert.Equal(5, applied.MaxPoolSize);
        Assert.Equal(ProxyConnectionSettings.ConnectTimeoutSeconds, applied.Timeout);
        Assert.Equal(ProxyConnectionSettings.CommandTimeoutSeconds, applied.CommandTimeout);
    }
}
