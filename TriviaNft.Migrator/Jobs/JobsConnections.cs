using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TriviaNft.Data;
using TriviaNft.Data.Jobs;
using TriviaNft.Data.Postgres.Privacy;
using TriviaNft.Data.Redis.Connection;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Migrator.Jobs;

/// <summary>
/// The connections a job runner needs, from the migrator's configuration: PostgreSQL as the migrator finds it
/// (the writer, direct: <c>--connection</c>, <c>ConnectionStrings:trivia-db-admin</c>, <c>DATABASE_URL</c>) and
/// Redis from <c>ConnectionStrings:trivia-cache</c> or <c>REDIS_URL</c>, opened only when a job needs it.
/// </summary>
internal sealed class JobsConnections : IAsyncDisposable
{
    private readonly TriviaNftDatabase _database;
    private readonly IConnectionMultiplexer? _redis;

    private JobsConnections(TriviaNftDatabase database, IConnectionMultiplexer? redis)
    {
        _database = database;
        _redis = redis;
    }

    /// <summary>Opens what <paramref name="withRedis"/> asks for; Redis is skipped when it is not configured.</summary>
    /// <exception cref="MigrationConfigurationException">No database is configured, or Redis is configured but malformed.</exception>
    public static async Task<JobsConnections> OpenAsync(string? connection, IConfiguration configuration, bool withRedis)
    {
        var database = TriviaNftDataSources.FromConnectionStrings(MigratorConnection.Resolve(connection, configuration));
        var redisUrl = RedisUrl(configuration);
        if (!withRedis || redisUrl is null)
        {
            return new JobsConnections(database, null);
        }

        ConfigurationOptions options;
        try
        {
            options = TriviaNftRedis.ParseConfiguration(redisUrl);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new MigrationConfigurationException($"The Redis configuration (ConnectionStrings:trivia-cache or REDIS_URL) is malformed: {ex.Message}");
        }

        return new JobsConnections(database, await TriviaNftRedis.ConnectAsync(options).ConfigureAwait(false));
    }

    /// <summary>Whether running <paramref name="jobs"/> needs Redis.</summary>
    public static bool NeedsRedis(IEnumerable<string> jobs) => jobs.Contains(JobNames.LeaderboardCheck, StringComparer.Ordinal);

    /// <summary>The runner over these connections, with the jobs' settings from <paramref name="configuration"/>.</summary>
    public JobRunner Runner(IConfiguration configuration, TimeProvider? time = null, ILogger? logger = null)
    {
        var options = JobsOptionsFrom(configuration);
        var privacy = PrivacyOptionsFrom(configuration);
        return new JobRunner(_database, TriviaNftJobs.Create(_database, _redis, privacy: privacy, options: options), options, time, logger);
    }

    public async ValueTask DisposeAsync()
    {
        _redis?.Dispose();
        await _database.Writer.DisposeAsync().ConfigureAwait(false);
    }

    private static string? RedisUrl(IConfiguration configuration) =>
        new[] { configuration.GetConnectionString(ResourceNames.Cache), configuration["REDIS_URL"] }.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    // The few settings an operator changes, read one by one: no reflection binding in the trimmed Lambda bundle.
    private static JobsOptions JobsOptionsFrom(IConfiguration configuration)
    {
        var values = configuration.GetSection(JobsOptions.SectionName);
        var defaults = JobsOptions.Default;
        return defaults with
        {
            TimeZone = values[nameof(JobsOptions.TimeZone)] ?? defaults.TimeZone,
            SeasonLeadTime = Span(values[nameof(JobsOptions.SeasonLeadTime)]) ?? defaults.SeasonLeadTime,
            PendingTimeout = Span(values[nameof(JobsOptions.PendingTimeout)]) ?? defaults.PendingTimeout,
        };
    }

    private static PrivacyOptions PrivacyOptionsFrom(IConfiguration configuration) => PrivacyOptions.Default with
    {
        GuestRetention = Span(configuration.GetSection("TriviaNft:Privacy")[nameof(PrivacyOptions.GuestRetention)]) ?? PrivacyOptions.Default.GuestRetention,
    };

    private static TimeSpan? Span(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new MigrationConfigurationException($"'{value}' is not a duration (d.hh:mm:ss, e.g. 30.00:00:00 for 30 days).");
    }
}
