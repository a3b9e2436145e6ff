using System.Globalization;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Redis.Leaderboards;

/// <summary>
/// Lossless sorted-set encoding of the leaderboard order (design.md §10: the original packed six keys into one
/// double and lost precision). The descending keys go into the score, exactly: <c>score = −(points·2³² +
/// nfts_minted·2¹⁶ + perfect_scores)</c>, an integer below 2⁵³ so a double holds it exactly. Ties on the score are
/// ordered by Redis by member bytes, so the member spells the ascending keys in fixed width:
/// <c>avg_answer_ms(10 digits):sessions_used(10):first_achieved_at in µs since 1970(18):stake_key</c>. Ascending
/// by (score, member) is exactly the §9 order, stake key last. Values outside the ranges below are rejected.
/// </summary>
public static class LeaderboardEncoding
{
    /// <summary>Largest encodable points: 2²¹ − 1 (2,097,151).</summary>
    public const int MaxPoints = (1 << 21) - 1;

    /// <summary>Largest encodable NFTs minted: 2¹⁶ − 1.</summary>
    public const int MaxNftsMinted = ushort.MaxValue;

    /// <summary>Largest encodable perfect scores: 2¹⁶ − 1.</summary>
    public const int MaxPerfectScores = ushort.MaxValue;

    /// <summary>Earliest encodable first-achieved instant: the Unix epoch.</summary>
    public static readonly DateTimeOffset MinFirstAchievedAt = DateTimeOffset.UnixEpoch;

    /// <summary>Latest encodable first-achieved instant: the last microsecond of year 9999.</summary>
    public static readonly DateTimeOffset MaxFirstAchievedAt = new(9999, 12, 31, 23, 59, 59, 999, 999, TimeSpan.Zero);

    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>The sorted-set score and member of <paramref name="standing"/>.</summary>
    /// <exception cref="DataValidationException">A value is outside its exact range, or the stake key is malformed.</exception>
    public static (double Score, string Member) Encode(LeaderboardStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        Guard.StakeKey(standing.StakeKey, "leaderboard.stake_key");
        Guard.Range(standing.Points, "leaderboard.points", "Leaderboard points", 0, MaxPoints);
        Guard.Range(standing.NftsMinted, "leaderboard.nfts_minted", "NFTs minted", 0, MaxNftsMinted);
        Guard.Range(standing.PerfectScores, "leaderboard.perfect_scores", "Perfect scores", 0, MaxPerfectScores);
        Guard.Range(standing.AvgAnswerMs, "leaderboard.avg_answer_ms", "The average answer time", 0, int.MaxValue);
        Guard.Range(standing.SessionsUsed, "leaderboard.sessions_used", "Sessions used", 0, int.MaxValue);
        var ticks = standing.FirstAchievedAt.UtcTicks - MinFirstAchievedAt.UtcTicks;
        if (standing.FirstAchievedAt < MinFirstAchievedAt || standing.FirstAchievedAt > MaxFirstAchievedAt || ticks % TicksPerMicrosecond != 0)
        {
            throw new DataValidationException("leaderboard.first_achieved_at",
                "first_achieved_at must be from 1970 to 9999 with microsecond precision (as PostgreSQL stores it).");
        }

        var packed = ((long)standing.Points << 32) | ((long)standing.NftsMinted << 16) | (long)standing.PerfectScores;
        // 0 rather than −0: both sort alike, but "-0" would be an odd score to read back.
        var score = packed == 0 ? 0d : -(double)packed;
        var member = string.Create(CultureInfo.InvariantCulture,
            $"{standing.AvgAnswerMs:D10}:{standing.SessionsUsed:D10}:{ticks / TicksPerMicrosecond:D18}:{standing.StakeKey}");
        return (score, member);
    }

    /// <summary>The standing that <see cref="Encode"/> turned into <paramref name="score"/> and <paramref name="member"/>.</summary>
    /// <exception cref="FormatException">They are not an encoded standing.</exception>
    public static LeaderboardStanding Decode(double score, string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.Length < 42 || member[10] != ':' || member[21] != ':' || member[40] != ':')
        {
            throw new FormatException($"'{member}' is not a leaderboard member.");
        }

        var packed = checked((long)-score);
        var micros = long.Parse(member.AsSpan(22, 18), NumberStyles.None, CultureInfo.InvariantCulture);
        return new LeaderboardStanding
        {
            StakeKey = member[41..],
            Points = (int)(packed >> 32),
            NftsMinted = (int)((packed >> 16) & 0xFFFF),
            PerfectScores = (int)(packed & 0xFFFF),
            AvgAnswerMs = int.Parse(member.AsSpan(0, 10), NumberStyles.None, CultureInfo.InvariantCulture),
            SessionsUsed = int.Parse(member.AsSpan(11, 10), NumberStyles.None, CultureInfo.InvariantCulture),
            FirstAchievedAt = MinFirstAchievedAt.AddTicks(micros * TicksPerMicrosecond),
        };
    }
}
