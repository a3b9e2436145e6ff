using Npgsql;
using TriviaNft.Data.Configuration;

namespace TriviaNft.Data;

/// <summary>
/// Builds the <see cref="TriviaNftDatabase"/> outside Aspire, from the guide's environment variables:
/// <c>DATABASE_URL</c> (local; optional <c>DATABASE_READER_URL</c>) or <c>DATABASE_SECRET_ARN</c> (cloud,
/// resolved at run time by an <see cref="IDatabaseSecretResolver"/>). Both end in the same data sources.
/// </summary>
public static class TriviaNftDataSources
{
    /// <summary>Builds from explicit connection strings (URL or key=value); the reader defaults to the writer.</summary>
    public static TriviaNftDatabase FromConnectionStrings(string writer, string? reader = null)
    {
        var writerSource = NpgsqlDataSource.Create(ProxyConnectionSettings.Apply(writer));
        var readerSource = reader is null ? writerSource : NpgsqlDataSource.Create(ProxyConnectionSettings.Apply(reader));
        return new TriviaNftDatabase(writerSource, readerSource);
    }

    /// <summary>Builds from <c>DATABASE_URL</c>, or from <c>DATABASE_SECRET_ARN</c> through <paramref name="resolver"/>.</summary>
    /// <exception cref="InvalidOperationException">Neither variable is set, or the ARN is set without a resolver.</exception>
    public static async Task<TriviaNftDatabase> FromEnvironmentAsync(
        IDatabaseSecretResolver? resolver = null, CancellationToken cancellationToken = default)
    {
        var url = Environment.GetEnvironmentVariable("DATABASE_URL");
        if (!string.IsNullOrWhiteSpace(url))
        {
            return FromConnectionStrings(url, Environment.GetEnvironmentVariable("DATABASE_READER_URL") is { Length: > 0 } r ? r : null);
        }

        var arn = Environment.GetEnvironmentVariable("DATABASE_SECRET_ARN");
        if (string.IsNullOrWhiteSpace(arn))
        {
            throw new InvalidOperationException("Set DATABASE_URL (local) or DATABASE_SECRET_ARN (AWS) to configure the database.");
        }

        if (resolver is null)
        {
            throw new InvalidOperationException("DATABASE_SECRET_ARN is set, but no IDatabaseSecretResolver was given to read it.");
        }

        return FromConnectionStrings(await resolver.ResolveConnectionStringAsync(arn, cancellationToken).ConfigureAwait(false));
    }
}
