using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Tests.Redis;

/// <summary>The daily reset: midnight in America/New_York (configurable), keys expiring then and never after 24 h.</summary>
public sealed class DailyResetTests
{
    private static readonly DailyClock NewYorkClock = DailyClock.From(RedisGameStateOptions.Default);
    private static readonly TimeSpan Est = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Edt = TimeSpan.FromHours(-4);

    [Fact]
    public void ADaysKeysExpireAtTheNextNewYorkMidnight()
    {
        var day = NewYorkClock.At(new DateTimeOffset(2026, 12, 15, 12, 0, 0, Est));

        Assert.Equal(new GameDay(new DateOnly(2026, 12, 15), new DateTimeOffset(2026, 12, 16, 0, 0, 0, Est), TimeSpan.FromHours(12)), day);
    }

    [Fact]
    public void TheGameDayIsNewYorksNotUtcs()
    {
        // 03:00 UTC on the 16th is still the evening of the 15th in New York.
        var day = NewYorkClock.At(new DateTimeOffset(2026, 12, 16, 3, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 15), day.Day);
        Assert.Equal(TimeSpan.FromHours(2), day.KeyTtl);
    }

    [Fact]
    public void OnTheTwentyFiveHourDayTheTtlStopsAtTwentyFourHours()
    {
        // 2026-11-01: clocks go back at 02:00 EDT, so that day lasts 25 hours.
        var day = NewYorkClock.At(new DateTimeOffset(2026, 11, 1, 0, 0, 0, Edt));

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 0, 0, Est), day.ResetsAt);
        Assert.Equal(TimeSpan.FromHours(24), day.KeyTtl);
    }

    [Fact]
    public void OnTheTwentyThreeHourDayTheKeysExpireAtMidnight()
    {
        // 2027-03-14: clocks go forward at 02:00 EST, so that day lasts 23 hours.
        var day = NewYorkClock.At(new DateTimeOffset(2027, 3, 14, 0, 0, 0, Est));

        Assert.Equal(new DateTimeOffset(2027, 3, 15, 0, 0, 0, Edt), day.ResetsAt);
        Assert.Equal(TimeSpan.FromHours(23), day.KeyTtl);
    }

    [Fact]
    public void TheZoneIsConfigurable()
    {
        var utc = DailyClock.From(RedisGameStateOptions.Default with { DailyResetTimeZone = "Etc/UTC" });

        var day = utc.At(new DateTimeOffset(2026, 12, 16, 3, 0, 0, TimeSpan.Zero));

        Assert.Equal((new DateOnly(2026, 12, 16), TimeSpan.FromHours(21)), (day.Day, day.KeyTtl));
    }

    [Fact]
    public void AnUnknownZoneIsAConfigurationError()
    {
        Assert.Throws<ArgumentException>(() => (RedisGameStateOptions.Default with { DailyResetTimeZone = "Mars/Olympus" }).EnsureValid());
    }
}
