namespace TriviaNft.Data;

/// <summary>
/// The game's numbers (design.md §9), every one a default that configuration can change: bound from the
/// section <c>TriviaNft:GameRules</c> by <c>AddTriviaNftData</c>; stores take an instance through their
/// constructor and fall back to <see cref="Default"/>.
/// </summary>
public sealed record GameRules
{
    /// <summary>The configuration section the rules are bound from.</summary>
    public const string SectionName = "TriviaNft:GameRules";

    /// <summary>The defaults of design.md §9.</summary>
    public static GameRules Default { get; } = new();

    /// <summary>Questions in a session; a perfect score answers all of them correctly. 1..10 (the schema's score range).</summary>
    public int QuestionsPerSession { get; init; } = 10;

    /// <summary>Time allowed per question; an unanswered question counts this long in the answer-time average.</summary>
    public int QuestionTimeLimitMs { get; init; } = 10_000;

    /// <summary>A session with at least this many correct answers is won, with fewer it is lost.</summary>
    public int WinThreshold { get; init; } = 6;

    /// <summary>How long a perfect score's eligibility lasts for a wallet-connected player.</summary>
    public int ConnectedEligibilityMinutes { get; init; } = 60;

    /// <summary>How long a perfect score's eligibility lasts for a guest.</summary>
    public int GuestEligibilityMinutes { get; init; } = 25;

    /// <summary>Season points per correct answer (connected players only).</summary>
    public int PointsPerCorrectAnswer { get; init; } = 1;

    /// <summary>Extra season points for a perfect session.</summary>
    public int PerfectSessionBonus { get; init; } = 10;

    /// <summary>Length of a season in calendar months.</summary>
    public int SeasonLengthMonths { get; init; } = 3;

    /// <summary>Grace days after a season ends (forging for the season is still allowed). 0..30.</summary>
    public int SeasonGraceDays { get; init; } = 7;

    /// <summary>The problems with these rules; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Check(QuestionsPerSession is >= 1 and <= 10, "QuestionsPerSession must be 1 to 10 (the schema's score range).");
        Check(QuestionTimeLimitMs is >= 1 and <= 600_000, "QuestionTimeLimitMs must be 1 to 600000.");
        Check(WinThreshold >= 1 && WinThreshold <= QuestionsPerSession, "WinThreshold must be 1 to QuestionsPerSession.");
        Check(ConnectedEligibilityMinutes is >= 1 and <= 10_080, "ConnectedEligibilityMinutes must be 1 to 10080 (a week).");
        Check(GuestEligibilityMinutes is >= 1 and <= 10_080, "GuestEligibilityMinutes must be 1 to 10080 (a week).");
        Check(PointsPerCorrectAnswer is >= 0 and <= 1_000, "PointsPerCorrectAnswer must be 0 to 1000.");
        Check(PerfectSessionBonus is >= 0 and <= 10_000, "PerfectSessionBonus must be 0 to 10000.");
        Check(SeasonLengthMonths is >= 1 and <= 24, "SeasonLengthMonths must be 1 to 24.");
        Check(SeasonGraceDays is >= 0 and <= 30, "SeasonGraceDays must be 0 to 30 (chk_seasons_grace_days).");
        return problems;

        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }
    }

    /// <summary>Returns these rules, or throws when <see cref="Problems"/> finds any.</summary>
    /// <exception cref="ArgumentException">A number is out of its range.</exception>
    public GameRules EnsureValid()
    {
        var problems = Problems();
        return problems.Count == 0
            ? this
            : throw new ArgumentException($"Invalid {SectionName}: {string.Join(' ', problems)}");
    }
}
