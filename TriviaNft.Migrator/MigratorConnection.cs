using Microsoft.Extensions.Configuration;
using TriviaNft.Data;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Migrator;

/// <summary>Where the migrator finds its connection string, in one order for every host.</summary>
public static class MigratorConnection
{
    /// <summary>The explicit value, else <c>ConnectionStrings:trivia-db-admin</c> (Aspire), else <c>DATABASE_URL</c> (the guide).</summary>
    /// <exception cref="MigrationConfigurationException">None of them is set.</exception>
    public static string Resolve(string? explicitValue, IConfiguration configuration)
    {
        var value = new[]
        {
            explicitValue,
            configuration.GetConnectionString(ResourceNames.TriviaDbAdmin),
            configuration["DATABASE_URL"],
        }.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        return value ?? throw new MigrationConfigurationException(
            $"No database connection: pass --connection, or set ConnectionStrings__{ResourceNames.TriviaDbAdmin} or DATABASE_URL.");
    }
}
