using System.Globalization;

namespace TriviaNft.Data.Jobs;

/// <summary>
/// When a job runs: daily at a wall-clock time, or every N minutes at a minute offset, in one time zone
/// (America/New_York for every job here, as the game's day is). Both the AppHost's scheduler and the EventBridge
/// Scheduler schedules of the CDK stack read the same definitions.
/// </summary>
public sealed record JobSchedule
{
    private JobSchedule(TimeOnly? dailyAt, int everyMinutes, int offsetMinutes)
    {
        DailyAt = dailyAt;
        EveryMinutes = everyMinutes;
        OffsetMinutes = offsetMinutes;
    }

    /// <summary>The local time of a daily job; null for an interval job.</summary>
    public TimeOnly? DailyAt { get; }

    /// <summary>The interval of an interval job in minutes (a divisor of 60, or 60); 0 for a daily job.</summary>
    public int EveryMinutes { get; }

    /// <summary>The minute past each interval boundary an interval job runs at.</summary>
    public int OffsetMinutes { get; }

    /// <summary>Daily at <paramref name="localTime"/> in the zone.</summary>
    public static JobSchedule Daily(TimeOnly localTime) => new(localTime, 0, 0);

    /// <summary>Every <paramref name="minutes"/> minutes (a divisor of 60, or 60), <paramref name="offset"/> minutes past each boundary.</summary>
    public static JobSchedule Every(int minutes, int offset = 0)
    {
        if (minutes is < 1 or > 60 || 60 % minutes != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "The interval must divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60 minutes).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offset, minutes);
        return new JobSchedule(null, minutes, offset);
    }

    /// <summary>The first scheduled instant strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        if (DailyAt is { } time)
        {
            var day = LocalDate(after, zone);
            for (var i = 0; ; i++)
            {
                var candidate = At(day.AddDays(i), time, zone);
                if (candidate > after)
                {
                    return candidate;
                }
            }
        }

        // Every zone this runs in is a whole number of hours from UTC at all times (America/New_York is), so an
        // interval that divides the hour falls on the same minutes in UTC as in local time.
        var step = TimeSpan.FromMinutes(EveryMinutes);
        var origin = new DateTimeOffset(after.UtcDateTime.Date, TimeSpan.Zero).AddMinutes(OffsetMinutes);
        var elapsed = after - origin;
        var steps = (long)Math.Floor(elapsed / step) + 1;
        return origin + (step * steps);
    }

    /// <summary>The latest scheduled instant at or before <paramref name="at"/>: the run that is due at that instant.</summary>
    public DateTimeOffset LatestAtOrBefore(DateTimeOffset at, TimeZoneInfo zone)
    {
        // (at - period, at] holds exactly one instant of an interval job; two days back always holds a daily one.
        var back = DailyAt is null ? TimeSpan.FromMinutes(EveryMinutes) : TimeSpan.FromDays(2);
        var previous = NextAfter(at - back, zone);
        while (true)
        {
            var next = NextAfter(previous, zone);
            if (next > at)
            {
                return previous;
            }

            previous = next;
        }
    }

    /// <summary>The schedule as EventBridge Scheduler writes it (<c>cron(minutes hours day-of-month month day-of-week year)</c>).</summary>
    public string ToEventBridgeCron() => DailyAt is { } time
        ? string.Create(CultureInfo.InvariantCulture, $"cron({time.Minute} {time.Hour} * * ? *)")
        : EveryMinutes == 60
            ? string.Create(CultureInfo.InvariantCulture, $"cron({OffsetMinutes} * * * ? *)")
            : string.Create(CultureInfo.InvariantCulture, $"cron({OffsetMinutes}/{EveryMinutes} * * * ? *)");

    /// <inheritdoc />
    public override string ToString() => DailyAt is { } time
        ? string.Create(CultureInfo.InvariantCulture, $"daily at {time:HH\\:mm}")
        : EveryMinutes == 60
            ? string.Create(CultureInfo.InvariantCulture, $"hourly at :{OffsetMinutes:00}")
            : string.Create(CultureInfo.InvariantCulture, $"every {EveryMinutes} minutes");

    /// <summary>The local date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    internal static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The instant of <paramref name="time"/> on <paramref name="day"/> in <paramref name="zone"/>. A time the clocks
    /// skip (spring forward) runs at the first valid minute after it; a time that happens twice (fall back) runs at
    /// its first occurrence — so a daily job runs exactly once on both DST change days.
    /// </summary>
    internal static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
