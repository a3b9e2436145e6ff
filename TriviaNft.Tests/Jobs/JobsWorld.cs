using StackExchange.Redis;
using TriviaNft.Data.Jobs;
using TriviaNft.Data.Postgres.Privacy;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Jobs;

/// <summary>A job runner over a test database, and the dates the job tests act at (all explicit: none is "today").</summary>
internal static class JobsWorld
{
    /// <summary>The seeded season winter-s1: 2026-12-01 to 2027-03-01 UTC.</summary>
    public static readonly DateTimeOffset WinterStart = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant after winter-s1.</summary>
    public static readonly DateTimeOffset WinterEnd = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Midnight in New York on 2026-12-16 (EST), inside winter-s1.</summary>
    public static readonly DateTimeOffset MidDecemberMidnight = new(2026, 12, 16, 5, 0, 0, TimeSpan.Zero);

    public static JobRunner Runner(MigratedDatabase db, IConnectionMultiplexer? redis = null, PrivacyOptions? privacy = null) =>
        new(db.Data, TriviaNftJobs.Create(db.Data, redis, privacy: privacy));

    /// <summary>A wallet player with a username (shown on boards); returns its stake key.</summary>
    public static async Task<(Guid Id, string StakeKey)> WalletAsync(MigratedDatabase db)
    {
        var stakeKey = TriviaNft.Tests.Data.TestData.StakeKey();
        var id = await db.ScalarAsync<Guid>("INSERT INTO players (stake_key, username) VALUES ($1, $2) RETURNING id", stakeKey, TriviaNft.Tests.Data.TestData.Username());
        return (id, stakeKey);
    }
}
