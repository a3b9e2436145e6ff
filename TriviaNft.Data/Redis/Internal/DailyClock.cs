namespace TriviaNft.Data.Redis.Internal;

/// <summary>
/// The game day of an instant and when it ends: midnight in the configured zone (America/New_York by default),
/// not UTC. Daily keys carry the day in their name, so a new day starts with fresh keys at once; their TTL only
/// cleans up, and ends at the next reset but never later than <see cref="RedisGameStateOptions.MaxDailyKeyTtl"/>.
/// </summary>
internal sealed class DailyClock(TimeZoneInfo zone, TimeSpan maxTtl)
{
    /// <summary>Builds the clock of <paramref name="options"/>.</summary>
    public static DailyClock From(RedisGameStateOptions options) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(options.DailyResetTimeZone), options.MaxDailyKeyTtl);

    /// <summary>The game day <paramref name="now"/> falls in, when it resets, and the TTL of a key created now.</summary>
    public GameDay At(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var resetsAt = StartOf(day.AddDays(1));
        var ttl = resetsAt - now;
        if (ttl > maxTtl)
        {
            // A 25-hour day (end of daylight saving time): the ≤ 24 h rule wins, see docs/redis-keyspace.md.
            ttl = maxTtl;
        }

        return new GameDay(day, resetsAt, ttl < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : ttl);
    }

    private DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Zones that skip midnight (a DST jump at 00:00) start the day at the first valid local time.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(1);
        }

        // An ambiguous midnight (clocks set back at 00:00) starts the day at its first occurrence.
        var offset = zone.IsAmbiguousTime(midnight) ? zone.GetAmbiguousTimeOffsets(midnight).Max() : zone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset);
    }
}
