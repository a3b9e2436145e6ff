using TriviaNft.Data.Jobs;

namespace TriviaNft.Tests.Jobs;

/// <summary>The schedules in America/New_York, on ordinary days and on both DST change days of 2027.</summary>
public sealed class JobScheduleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public void MidnightOnAnOrdinaryWinterDayIsFiveInTheMorningUtc()
    {
        var midnight = JobSchedule.Daily(TimeOnly.MinValue);

        Assert.Equal(Utc(2026, 12, 16, 5), midnight.NextAfter(Utc(2026, 12, 15, 17), NewYork));
        Assert.Equal(Utc(2026, 12, 17, 5), midnight.NextAfter(Utc(2026, 12, 16, 5), NewYork));
        Assert.Equal(Utc(2026, 12, 16, 5), midnight.LatestAtOrBefore(Utc(2026, 12, 16, 5), NewYork));
        Assert.Equal(Utc(2026, 12, 16, 5), midnight.LatestAtOrBefore(Utc(2026, 12, 17, 4, 59), NewYork));
    }

    [Fact]
    public void MidnightsAroundTheSpringForwardDayAreTwentyThreeHoursApart()
    {
        var midnight = JobSchedule.Daily(TimeOnly.MinValue);

        var onTheDay = midnight.NextAfter(Utc(2027, 3, 13, 12), NewYork);
        var after = midnight.NextAfter(onTheDay, NewYork);

        Assert.Equal(Utc(2027, 3, 14, 5), onTheDay); // 00:00 EST
        Assert.Equal(Utc(2027, 3, 15, 4), after); // 00:00 EDT
        Assert.Equal(TimeSpan.FromHours(23), after - onTheDay);
    }

    [Fact]
    public void MidnightsAroundTheFallBackDayAreTwentyFiveHoursApart()
    {
        var midnight = JobSchedule.Daily(TimeOnly.MinValue);

        var onTheDay = midnight.NextAfter(Utc(2027, 11, 6, 12), NewYork);
        var after = midnight.NextAfter(onTheDay, NewYork);

        Assert.Equal(Utc(2027, 11, 7, 4), onTheDay); // 00:00 EDT
        Assert.Equal(Utc(2027, 11, 8, 5), after); // 00:00 EST
        Assert.Equal(TimeSpan.FromHours(25), after - onTheDay);
    }

    [Fact]
    public void ASkippedTimeRunsAtTheFirstValidMinuteAndARepeatedTimeRunsOnce()
    {
        var skipped = JobSchedule.Daily(new TimeOnly(2, 30)).NextAfter(Utc(2027, 3, 14, 0), NewYork);
        var repeated = JobSchedule.Daily(new TimeOnly(1, 30));
        var first = repeated.NextAfter(Utc(2027, 11, 7, 0), NewYork);

        Assert.Equal(Utc(2027, 3, 14, 7), skipped); // 03:00 EDT: 02:30 does not exist that day
        Assert.Equal(Utc(2027, 11, 7, 5, 30), first); // 01:30 EDT, the first of the two
        Assert.Equal(Utc(2027, 11, 8, 6, 30), repeated.NextAfter(first, NewYork)); // not again at 01:30 EST
    }

    [Theory]
    [InlineData(15, 0, "2026-12-15T10:07:00Z", "2026-12-15T10:15:00Z", "2026-12-15T10:00:00Z")]
    [InlineData(15, 0, "2026-12-15T10:15:00Z", "2026-12-15T10:30:00Z", "2026-12-15T10:15:00Z")]
    [InlineData(60, 30, "2026-12-15T23:45:00Z", "2026-12-16T00:30:00Z", "2026-12-15T23:30:00Z")]
    [InlineData(60, 0, "2027-03-14T06:59:59Z", "2027-03-14T07:00:00Z", "2027-03-14T06:00:00Z")]
    public void IntervalsFallOnTheHoursMinutes(int every, int offset, string at, string next, string latest)
    {
        var schedule = JobSchedule.Every(every, offset);
        var instant = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture), schedule.NextAfter(instant, NewYork));
        Assert.Equal(DateTimeOffset.Parse(latest, System.Globalization.CultureInfo.InvariantCulture), schedule.LatestAtOrBefore(instant, NewYork));
    }

    [Fact]
    public void AnIntervalThatDoesNotDivideTheHourIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JobSchedule.Every(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => JobSchedule.Every(15, 15));
    }

    [Fact]
    public void TheJobsAndTheirEventBridgeExpressionsAreTheOnesTheStackSchedules()
    {
        var jobs = TriviaNftJobs.Create(null!).ToDictionary(j => j.Name, j => j.Schedule.ToEventBridgeCron());

        Assert.Equal(new Dictionary<string, string>
        {
            [JobNames.SeasonRollover] = "cron(0 * * * ? *)",
            [JobNames.LeaderboardSnapshot] = "cron(0 0 * * ? *)",
            [JobNames.EligibilityExpiry] = "cron(0/15 * * * ? *)",
            [JobNames.GuestPurge] = "cron(30 3 * * ? *)",
            [JobNames.LeaderboardCheck] = "cron(30 4 * * ? *)",
            [JobNames.StalePending] = "cron(30 * * * ? *)",
        }, jobs);
        Assert.Equal(StackSchedules(), jobs);
    }

    /// <summary>The (job, expression) pairs of the CDK stack's schedule table, read from its source.</summary>
    private static Dictionary<string, string> StackSchedules()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "TriviaNft.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found.");
        }

        var source = File.ReadAllText(Path.Combine(root, "aws", "src", "TriviaNft.Infra", "Constructs", "JobSchedules.cs"));
        return System.Text.RegularExpressions.Regex.Matches(source, "\"(?<job>[a-z-]+)\",\\s*\"(?<cron>cron\\([^\"]+\\))\"")
            .ToDictionary(m => m.Groups["job"].Value, m => m.Groups["cron"].Value);
    }
}
