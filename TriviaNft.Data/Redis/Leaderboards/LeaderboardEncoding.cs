using System.Globalization;
using System.Text;
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

    /// <summary>Where the stake key starts in a member: after the 41 fixed-width characters.</summary>
    internal const int StakeKeyOffset = 41;

    /// <summary>Bytes of the longest member: the fixed-width part and a 71-character stake key.</summary>
    internal const int MaxMemberBytes = StakeKeyOffset + 71;

    /// <summary>The sorted-set score and member of <paramref name="standing"/>.</summary>
    /// <exception cref="DataValidationException">A value is outside its exact range, or the stake key is malformed.</exception>
    public static (double Score, string Member) Encode(LeaderboardStanding standing)
    {
        var (packed, micros) = Validate(standing);
        var member = string.Create(CultureInfo.InvariantCulture,
            $"{standing.AvgAnswerMs:D10}:{standing.SessionsUsed:D10}:{micros:D18}:{standing.StakeKey}");
        return (Score(packed), member);
    }

    /// <summary>
    /// <see cref="Encode"/> for bulk writes: the member as ASCII bytes into <paramref name="destination"/> (at least
    /// <see cref="MaxMemberBytes"/> long), without an intermediate string. Returns the packed descending keys (the
    /// negated score, see <see cref="Score"/>) and the member's length.
    /// </summary>
    /// <exception cref="DataValidationException">As <see cref="Encode"/>.</exception>
    internal static (long Packed, int Length) EncodeAscii(LeaderboardStanding standing, Span<byte> destination)
    {
        var (packed, micros) = Validate(standing);
        Digits(destination[..10], standing.AvgAnswerMs);
        destination[10] = (byte)':';
        Digits(destination.Slice(11, 10), standing.SessionsUsed);
        destination[21] = (byte)':';
        Digits(destination.Slice(22, 18), micros);
        destination[40] = (byte)':';
        // The stake key pattern admits ASCII only: one byte per character.
        var length = StakeKeyOffset + Encoding.ASCII.GetBytes(standing.StakeKey, destination[StakeKeyOffset..]);
        return (packed, length);
    }

    /// <summary>The score of packed descending keys: negated, and 0 rather than −0 (both sort alike, but "-0" would be an odd score to read back).</summary>
    internal static double Score(long packed) => packed == 0 ? 0d : -(double)packed;

    private static (long Packed, long Micros) Validate(LeaderboardStanding standing)
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
        return (packed, ticks / TicksPerMicrosecond);
    }

    private static void Digits(Span<byte> destination, long value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
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
            StakeKey = member[StakeKeyOffset..],
            Points = (int)(packed >> 32),
            NftsMinted = (int)((packed >> 16) & 0xFFFF),
            PerfectScores = (int)(packed & 0xFFFF),
            AvgAnswerMs = int.Parse(member.AsSpan(0, 10), NumberStyles.None, CultureInfo.InvariantCulture),
            SessionsUsed = int.Parse(member.AsSpan(11, 10), NumberStyles.None, CultureInfo.InvariantCulture),
            FirstAchievedAt = MinFirstAchievedAt.AddTicks(micros * TicksPerMicrosecond),
        };
    }
}
