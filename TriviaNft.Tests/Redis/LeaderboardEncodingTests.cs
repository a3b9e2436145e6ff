using System.Text;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Redis.Internal;
using TriviaNft.Data.Redis.Leaderboards;

namespace TriviaNft.Tests.Redis;

public sealed class LeaderboardEncodingTests
{
    private static readonly LeaderboardStanding Example = new()
    {
        StakeKey = "stake1uyehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gh6ffgw",
        Points = 1234,
        NftsMinted = 2,
        PerfectScores = 3,
        AvgAnswerMs = 4567,
        SessionsUsed = 12,
        FirstAchievedAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_560),
    };

    [Fact]
    public void TheWorkedExampleOfTheDocsEncodesAsDocumented()
    {
        var (score, member) = LeaderboardEncoding.Encode(Example);

        Assert.Equal(-5_299_989_774_339d, score);
        Assert.Equal("0000004567:0000000012:001796119200123456:stake1uyehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gh6ffgw", member);
        Assert.Equal(Example, LeaderboardEncoding.Decode(score, member));
    }

    [Fact]
    public void TheLargestValuesRoundTripExactly()
    {
        var largest = Example with
        {
            Points = LeaderboardEncoding.MaxPoints,
            NftsMinted = LeaderboardEncoding.MaxNftsMinted,
            PerfectScores = LeaderboardEncoding.MaxPerfectScores,
            AvgAnswerMs = int.MaxValue,
            SessionsUsed = int.MaxValue,
            FirstAchievedAt = LeaderboardEncoding.MaxFirstAchievedAt,
        };
        var (score, member) = LeaderboardEncoding.Encode(largest);

        Assert.Equal(-(Math.Pow(2, 53) - 1), score);
        Assert.Equal(largest, LeaderboardEncoding.Decode(score, member));
        Assert.Equal(Example with { Points = 0, NftsMinted = 0, PerfectScores = 0, FirstAchievedAt = DateTimeOffset.UnixEpoch },
            LeaderboardEncoding.Decode(0, LeaderboardEncoding.Encode(Example with { Points = 0, NftsMinted = 0, PerfectScores = 0, FirstAchievedAt = DateTimeOffset.UnixEpoch }).Member));
    }

    [Fact]
    public void AscendingScoreThenMemberBytesIsTheSection9Order()
    {
        var standings = TestStandings.Many(5_000, seed: 1);
        var encoded = standings.Select(s => (Standing: s, Encoded: LeaderboardEncoding.Encode(s))).ToList();

        var redisOrder = encoded.OrderBy(e => e.Encoded.Score).ThenBy(e => e.Encoded.Member, StringComparer.Ordinal).Select(e => e.Standing);

        Assert.Equal(TestStandings.Ordered(standings), redisOrder);
    }

    [Fact]
    public void TheBulkEncoderWritesTheSameMemberBytesAndSortsInTheSection9Order()
    {
        var standings = TestStandings.Many(12_000, seed: 2); // more than one 1 MiB chunk of members
        standings.Add(Example with { StakeKey = "stake_test1" + new string('q', 60), AvgAnswerMs = int.MaxValue, FirstAchievedAt = LeaderboardEncoding.MaxFirstAchievedAt });
        var board = new EncodedBoard();
        standings.ForEach(board.Add);

        board.Sort();

        var ordered = TestStandings.Ordered(standings);
        Assert.Equal(ordered.Count, board.Count);
        for (var i = 0; i < board.Count; i++)
        {
            var (score, member) = LeaderboardEncoding.Encode(ordered[i]);
            Assert.Equal((score, member, ordered[i].StakeKey), (board.Score(i), Encoding.ASCII.GetString(board.Member(i).Span), Encoding.ASCII.GetString(board.StakeKey(i).Span)));
        }
    }

    public static TheoryData<string, LeaderboardStanding> OutOfRange => new()
    {
        { "leaderboard.points", Example with { Points = LeaderboardEncoding.MaxPoints + 1 } },
        { "leaderboard.points", Example with { Points = -1 } },
        { "leaderboard.nfts_minted", Example with { NftsMinted = 65_536 } },
        { "leaderboard.perfect_scores", Example with { PerfectScores = 65_536 } },
        { "leaderboard.avg_answer_ms", Example with { AvgAnswerMs = -1 } },
        { "leaderboard.sessions_used", Example with { SessionsUsed = -1 } },
        { "leaderboard.first_achieved_at", Example with { FirstAchievedAt = DateTimeOffset.UnixEpoch.AddTicks(-10) } },
        { "leaderboard.first_achieved_at", Example with { FirstAchievedAt = Example.FirstAchievedAt.AddTicks(1) } },
        { "leaderboard.stake_key", Example with { StakeKey = "addr1qxyz" } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void ValuesOutsideTheExactRangesAreRejected(string rule, LeaderboardStanding standing)
    {
        Assert.Equal(rule, Assert.Throws<DataValidationException>(() => LeaderboardEncoding.Encode(standing)).Rule);
        Assert.Equal(rule, Assert.Throws<DataValidationException>(() => new EncodedBoard().Add(standing)).Rule);
    }
}
