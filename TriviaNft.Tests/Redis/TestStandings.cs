using TriviaNft.Data.Redis.Leaderboards;

namespace TriviaNft.Tests.Redis;

/// <summary>Random standings with heavy ties on every key, and the §9 order written out independently.</summary>
internal static class TestStandings
{
    public static readonly DateTimeOffset Base = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Design.md §9: points desc, nfts desc, perfect desc, avg asc, sessions asc, first asc, stake key bytewise asc.</summary>
    public static readonly Comparison<LeaderboardStanding> Section9 = (a, b) =>
    {
        var c = b.Points.CompareTo(a.Points);
        c = c != 0 ? c : b.NftsMinted.CompareTo(a.NftsMinted);
        c = c != 0 ? c : b.PerfectScores.CompareTo(a.PerfectScores);
        c = c != 0 ? c : a.AvgAnswerMs.CompareTo(b.AvgAnswerMs);
        c = c != 0 ? c : a.SessionsUsed.CompareTo(b.SessionsUsed);
        c = c != 0 ? c : a.FirstAchievedAt.CompareTo(b.FirstAchievedAt);
        return c != 0 ? c : string.CompareOrdinal(a.StakeKey, b.StakeKey);
    };

    /// <summary>A standing drawn from two or three values per key, so most wallets tie with others on several keys.</summary>
    public static LeaderboardStanding Random(Random random, string? stakeKey = null) => new()
    {
        StakeKey = stakeKey ?? TestPlayers.StakeKey(random),
        Points = random.Next(3) * 10,
        NftsMinted = random.Next(2),
        PerfectScores = random.Next(2),
        AvgAnswerMs = 3000 + random.Next(2),
        SessionsUsed = 1 + random.Next(2),
        FirstAchievedAt = Base.AddTicks(random.Next(2) * 10),
    };

    /// <summary><paramref name="count"/> standings of distinct wallets.</summary>
    public static List<LeaderboardStanding> Many(int count, int seed) =>
        [.. Enumerable.Range(0, count).Select(_ => new Random(seed++)).Select(r => Random(r)).DistinctBy(s => s.StakeKey)];

    /// <summary>The standings sorted by <see cref="Section9"/>.</summary>
    public static List<LeaderboardStanding> Ordered(IEnumerable<LeaderboardStanding> standings)
    {
        var list = standings.ToList();
        list.Sort(Section9);
        return list;
    }
}
