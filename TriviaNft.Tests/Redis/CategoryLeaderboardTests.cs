using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Tests.Infrastructure;
using static TriviaNft.Tests.Redis.LeaderboardSqlData;

namespace TriviaNft.Tests.Redis;

/// <summary>
/// A category board is computed from the season's sessions in that category (season_points has no per-category
/// columns): points = correct answers + 10 per perfect session, and the other keys as docs/redis-keyspace.md says.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CategoryLeaderboardTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly DateTimeOffset SeasonStart = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private MigratedDatabase _db = null!;
    private RedisLeaderboardStore _store = null!;
    private RedisLeaderboardRebuilder _rebuilder = null!;
    private Guid _science;
    private Guid _history;
    private LeaderboardId _board;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        var multiplexer = await RedisConnections.ForAsync(servers);
        _store = new RedisLeaderboardStore(multiplexer);
        _rebuilder = new RedisLeaderboardRebuilder(multiplexer, _db.Data, RedisGameStateOptions.Default with { RebuildBatchSize = 100 });
        _science = await _db.ScalarAsync<Guid>("SELECT id FROM categories WHERE slug = 'science'");
        _history = await _db.ScalarAsync<Guid>("SELECT id FROM categories WHERE slug = 'history'");
        _board = LeaderboardId.Category(await CreateSeasonAsync(_db, SeasonStart), _science);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ACategoryBoardRebuiltFromSessionsAndMintsHasTheSection9Order()
    {
        var random = new Random(11);
        var expected = new List<LeaderboardStanding>();
        for (var i = 0; i < 150; i++)
        {
            var wallet = await CategoryDataSql.InsertPlayerAsync(_db, TestPlayers.StakeKey(random), named: i % 10 != 9);
            var sessions = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => (Score: new[] { 0, 8, 9, 10, 10 }[random.Next(5)], TotalMs: 20_000 + random.Next(3) * 5,
                    EndedAt: SeasonStart.AddDays(random.Next(1, 3)).AddMinutes(random.Next(1_000)), Forfeit: random.Next(4) == 0))
                .ToList();
            foreach (var (score, totalMs, endedAt, forfeit) in sessions)
            {
                await CategoryDataSql.InsertSessionAsync(_db, wallet, _science, score, totalMs, endedAt, forfeit);
            }

            var minted = random.Next(3) == 0 ? 1 : 0;
            if (minted == 1)
            {
                await CategoryDataSql.InsertMintAsync(_db, wallet, _science, confirmedAt: SeasonStart.AddDays(2));
            }

            // Noise the board must ignore: another category, before the season, an unconfirmed mint.
            await CategoryDataSql.InsertSessionAsync(_db, wallet, _history, 10, 1_000, SeasonStart.AddDays(1));
            await CategoryDataSql.InsertSessionAsync(_db, wallet, _science, 10, 1_000, SeasonStart.AddDays(-1));
            await CategoryDataSql.InsertMintAsync(_db, wallet, _science, confirmedAt: null);
            if (wallet.Named)
            {
                // A forfeit is never perfect; first_achieved_at is when the current total was reached.
                var perfect = sessions.Count(s => s.Score == 10 && !s.Forfeit);
                var scoring = sessions.Where(s => s.Score > 0).ToList();
                expected.Add(new LeaderboardStanding
                {
                    StakeKey = wallet.StakeKey,
                    Points = sessions.Sum(s => s.Score) + 10 * perfect,
                    NftsMinted = minted,
                    PerfectScores = perfect,
                    AvgAnswerMs = (int)Math.Round(sessions.Sum(s => s.TotalMs) / (sessions.Count * 10m), MidpointRounding.AwayFromZero),
                    SessionsUsed = sessions.Count,
                    FirstAchievedAt = scoring.Count > 0 ? scoring.Max(s => s.EndedAt) : sessions.Min(s => s.EndedAt),
                });
            }
        }

        await CategoryDataSql.InsertGuestSessionAsync(_db, _science, SeasonStart.AddDays(1));
        var result = await _rebuilder.RebuildAsync(_board);

        Assert.Equal(expected.Count, result.Count);
        Assert.Equal(TestStandings.Ordered(expected), (await _store.GetPageAsync(_board, 1, 1000)).Select(p => p.Standing));
        Assert.True((await _rebuilder.CheckAsync(_board)).IsMatch);
    }

    [Fact]
    public async Task ARefreshAfterACompletedSessionMovesTheWalletOnItsCategoryBoard()
    {
        var wallet = await CategoryDataSql.InsertPlayerAsync(_db, TestPlayers.StakeKey(), named: true);
        await CategoryDataSql.InsertSessionAsync(_db, wallet, _science, 7, 30_000, SeasonStart.AddDays(3));
        await _rebuilder.RebuildAsync(_board);

        await CategoryDataSql.InsertSessionAsync(_db, wallet, _science, 10, 20_000, SeasonStart.AddDays(4));
        var refreshed = await _rebuilder.RefreshAsync(_board, wallet.StakeKey);

        var expected = new LeaderboardStanding
        {
            StakeKey = wallet.StakeKey, Points = 27, NftsMinted = 0, PerfectScores = 1, AvgAnswerMs = 2_500, SessionsUsed = 2,
            FirstAchievedAt = SeasonStart.AddDays(4),
        };
        Assert.Equal(expected, refreshed);
        Assert.Equal(new LeaderboardPosition(1, expected), await _store.GetRankAsync(_board, wallet.StakeKey));
        Assert.True((await _rebuilder.CheckAsync(_board)).IsMatch);
    }
}
