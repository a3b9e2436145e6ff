namespace TriviaNft.Tests.Redis;

/// <summary>The daily reset rule computed independently of the code under test: midnight America/New_York, TTL ≤ 24 h.</summary>
internal static class NewYork
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static DateOnly Day(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    public static DateTimeOffset NextMidnight(DateTimeOffset now)
    {
        var midnight = Day(now).AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    public static TimeSpan DailyKeyTtl(DateTimeOffset now)
    {
        var untilReset = NextMidnight(now) - now;
        return untilReset > TimeSpan.FromHours(24) ? TimeSpan.FromHours(24) : untilReset;
    }
}
