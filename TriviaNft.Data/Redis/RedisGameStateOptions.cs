namespace TriviaNft.Data.Redis;

/// <summary>
/// The limits and windows of the Redis game state (design.md §5 and §9); every one a default that
/// configuration can change (section <see cref="SectionName"/>). A running session keeps the rules it started
/// with: the answer window and question count are copied into its state.
/// </summary>
public sealed record RedisGameStateOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "TriviaNft:GameState";

    /// <summary>The defaults of the guide and design.md §9.</summary>
    public static RedisGameStateOptions Default { get; } = new();

    /// <summary>How long an active session's state lives (the guide: 15 minutes).</summary>
    public TimeSpan SessionTtl { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the one-active-session lock lives (the guide: 15 minutes).</summary>
    public TimeSpan LockTtl { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Pause after a completed session before the next may start (60 seconds).</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Sessions a guest may start per day (5).</summary>
    public int GuestDailyLimit { get; init; } = 5;

    /// <summary>Sessions a wallet-connected player may start per day (10).</summary>
    public int ConnectedDailyLimit { get; init; } = 10;

    /// <summary>IANA id of the zone whose midnight resets the daily counters and seen sets.</summary>
    public string DailyResetTimeZone { get; init; } = "America/New_York";

    /// <summary>Upper bound of a daily key's lifetime, whatever the zone's day length (24 hours).</summary>
    public TimeSpan MaxDailyKeyTtl { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Questions in a session (10).</summary>
    public int QuestionsPerSession { get; init; } = 10;

    /// <summary>Time to answer a question from the moment it is served (10 seconds); later counts as incorrect.</summary>
    public TimeSpan AnswerWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Season points per correct answer, for the category leaderboards computed from sessions (1).</summary>
    public int PointsPerCorrectAnswer { get; init; } = 1;

    /// <summary>Extra season points for a perfect session, for the category leaderboards (10).</summary>
    public int PerfectSessionBonus { get; init; } = 10;

    /// <summary>
    /// Members per ZADD/HSET when a leaderboard is rebuilt (1,000). Redis's CPU per member is the same for 1,000 or
    /// 10,000 members a command, but a 10,000-member ZADD holds the node ~30 ms, which readers of other keys see as latency.
    /// </summary>
    public int RebuildBatchSize { get; init; } = 1_000;

    /// <summary>
    /// These options with the numbers both stores share — questions per session, answer window, points — taken from
    /// <paramref name="rules"/>, the one place they are configured (<c>TriviaNft:GameRules</c>): the Redis session
    /// and the PostgreSQL completion must agree on them, or a finished session would not record.
    /// </summary>
    public RedisGameStateOptions AlignedWith(GameRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return this with
        {
            QuestionsPerSession = rules.QuestionsPerSession,
            AnswerWindow = TimeSpan.FromMilliseconds(rules.QuestionTimeLimitMs),
            PointsPerCorrectAnswer = rules.PointsPerCorrectAnswer,
            PerfectSessionBonus = rules.PerfectSessionBonus,
        };
    }

    /// <summary>Returns these options, or throws naming every value out of its range.</summary>
    /// <exception cref="ArgumentException">A value is out of range or the time zone is unknown.</exception>
    public RedisGameStateOptions EnsureValid()
    {
        var problems = new List<string>();
        Check(SessionTtl >= TimeSpan.FromSeconds(1) && SessionTtl <= TimeSpan.FromDays(1), "SessionTtl must be 1 s to 1 day.");
        Check(LockTtl >= TimeSpan.FromSeconds(1) && LockTtl <= TimeSpan.FromDays(1), "LockTtl must be 1 s to 1 day.");
        Check(Cooldown >= TimeSpan.Zero && Cooldown <= TimeSpan.FromDays(1), "Cooldown must be 0 to 1 day.");
        Check(GuestDailyLimit is >= 0 and <= 10_000, "GuestDailyLimit must be 0 to 10000.");
        Check(ConnectedDailyLimit is >= 0 and <= 10_000, "ConnectedDailyLimit must be 0 to 10000.");
        Check(MaxDailyKeyTtl >= TimeSpan.FromMinutes(1) && MaxDailyKeyTtl <= TimeSpan.FromHours(48), "MaxDailyKeyTtl must be 1 min to 48 h.");
        Check(QuestionsPerSession is >= 1 and <= 10, "QuestionsPerSession must be 1 to 10 (the schema's score range).");
        Check(AnswerWindow >= TimeSpan.FromMilliseconds(1) && AnswerWindow <= TimeSpan.FromMinutes(10), "AnswerWindow must be 1 ms to 10 min.");
        Check(PointsPerCorrectAnswer is >= 0 and <= 1_000, "PointsPerCorrectAnswer must be 0 to 1000.");
        Check(PerfectSessionBonus is >= 0 and <= 10_000, "PerfectSessionBonus must be 0 to 10000.");
        Check(RebuildBatchSize is >= 100 and <= 100_000, "RebuildBatchSize must be 100 to 100000.");
        Check(TimeZoneInfo.TryFindSystemTimeZoneById(DailyResetTimeZone, out _), $"DailyResetTimeZone '{DailyResetTimeZone}' is not a known time zone.");
        return problems.Count == 0 ? this : throw new ArgumentException($"Invalid {SectionName}: {string.Join(' ', problems)}");

        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }
    }
}
