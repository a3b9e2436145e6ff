using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Game;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.Questions;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Data.Redis.Limits;
using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Tests.Data;
using TriviaNft.Tests.Infrastructure;
using TriviaNft.Tests.Redis;

namespace TriviaNft.Tests.Game;

/// <summary>Whole games through the façade: Redis for the live session, PostgreSQL for the record, leaderboards after.</summary>
[Collection(ServersCollection.Name)]
public sealed class GameSessionsTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private IConnectionMultiplexer _redis = null!;
    private PostgresPlayerStore _players = null!;
    private GameSessions _game = null!;
    private RedisLeaderboardStore _boards = null!;
    private string _lastToken = string.Empty;
    private Guid _categoryId;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _redis = await RedisConnections.ForAsync(servers);
        await GameData.ActiveSeasonAroundNowAsync(_db);
        // A category of this test only, so the leaderboard keys and seen sets are fresh.
        _categoryId = await _db.ScalarAsync<Guid>(
            "INSERT INTO categories (name, slug, display_order) VALUES ($1, $2, 99) RETURNING id", $"Game {Guid.NewGuid():N}", $"game-{Guid.NewGuid():N}");
        var questions = new PostgresQuestionStore(_db.Data);
        await questions.ImportAsync([.. Enumerable.Range(0, 40).Select(n => QuestionStoreTests.Sample(_categoryId, n))]);
        _players = new PostgresPlayerStore(_db.Data);
        _boards = new RedisLeaderboardStore(_redis);
        _game = new GameSessions(
            _players, questions, new PostgresSessionStore(_db.Data), new RedisActiveSessionStore(_redis),
            new RedisSeenQuestionStore(_redis), new RedisLeaderboardRebuilder(_redis, _db.Data), RedisGameStateOptions.Default);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AConnectedPlayersPerfectGameIsRecordedRewardedAndRanked()
    {
        var stakeKey = TestPlayers.StakeKey();
        var player = await _db.ScalarAsync<Guid>("INSERT INTO players (stake_key, username) VALUES ($1, $2) RETURNING id", stakeKey, $"p{Guid.NewGuid():N}"[..20]);

        var completion = await PlayAsync(player, allCorrect: true);

        Assert.Equal(SessionStatus.Won, completion.Outcome.Status);
        Assert.True(completion.Outcome.IsPerfect);
        Assert.True(completion.Outcome.EligibilityGranted);
        Assert.Equal(20, completion.Outcome.PointsAdded);
        Assert.Equal(SessionReleaseStatus.Released, completion.Release.Status);
        Assert.NotNull(completion.Release.CooldownUntil);
        Assert.Equal(1, await _db.CountAsync("sessions"));
        // The global board of the season is shared by every test of this Redis; the category is this test's own.
        Assert.NotNull(await _boards.GetRankAsync(LeaderboardId.Global(completion.Outcome.SeasonId!), stakeKey));
        var onCategoryBoard = await _boards.GetRankAsync(LeaderboardId.Category(completion.Outcome.SeasonId!, _categoryId), stakeKey);
        Assert.Equal(1, onCategoryBoard?.Rank);
        Assert.Equal(20, onCategoryBoard?.Standing.Points);
    }

    [Fact]
    public async Task AGuestPlaysTheSameWayButEarnsNoPoints()
    {
        var guest = await _players.GetOrCreateGuestAsync($"guest-{Guid.NewGuid():N}");

        var completion = await PlayAsync(guest.Id, allCorrect: false);

        Assert.Equal(SessionStatus.Won, completion.Outcome.Status);
        Assert.Equal(7, completion.Outcome.Score);
        Assert.Equal(0, completion.Outcome.PointsAdded);
        Assert.Null(completion.Outcome.SeasonId);
        Assert.Equal(SessionReleaseStatus.Released, completion.Release.Status);
    }

    [Fact]
    public async Task AStartedSessionHidesTheAnswersAndBlocksASecondStart()
    {
        var guest = await _players.GetOrCreateGuestAsync($"guest-{Guid.NewGuid():N}");

        var first = await _game.StartAsync(guest.Id, _categoryId);
        var second = await _game.StartAsync(guest.Id, _categoryId);

        Assert.Equal(10, first.Questions.Count);
        Assert.All(first.Questions, q => Assert.Equal(4, q.Options.Count));
        Assert.IsType<SessionStartResult.AlreadyActive>(second.Result);
        Assert.Empty(second.Questions);
        Assert.Equal(0, await _db.CountAsync("sessions"));
    }

    [Fact]
    public async Task CompletingAnUnfinishedSessionIsRefusedAndAForfeitIsRecordedAsALoss()
    {
        var guest = await _players.GetOrCreateGuestAsync($"guest-{Guid.NewGuid():N}");
        var start = await _game.StartAsync(guest.Id, _categoryId);

        await Assert.ThrowsAsync<DataValidationException>(() => _game.CompleteAsync(start.Session!));
        Assert.Equal(0, await _db.CountAsync("sessions"));
        var forfeit = await _game.ForfeitAsync(start.Session!);

        Assert.Equal(SessionStatus.Forfeit, forfeit.Outcome.Status);
        Assert.Equal(1, await _db.CountAsync("sessions"));
        var retried = await _game.CompleteAsync(start.Session!);
        Assert.Equal((SessionStatus.Forfeit, true), (retried.Outcome.Status, retried.Outcome.IsReplay));
        Assert.Equal(1, await _db.CountAsync("sessions"));
    }

    [Fact]
    public async Task ASessionLeftPastEveryAnswerWindowIsRecordedAsAForfeitWhenThePlayerStartsAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var game = new GameSessions(
            _players, new PostgresQuestionStore(_db.Data), new PostgresSessionStore(_db.Data, timeProvider: clock),
            new RedisActiveSessionStore(_redis, clock: clock), new RedisSeenQuestionStore(_redis, clock: clock),
            new RedisLeaderboardRebuilder(_redis, _db.Data), RedisGameStateOptions.Default, clock);
        var guest = await _players.GetOrCreateGuestAsync($"guest-{Guid.NewGuid():N}");
        var abandoned = await game.StartAsync(guest.Id, _categoryId);

        clock.Advance(TimeSpan.FromMinutes(3));
        var again = await game.StartAsync(guest.Id, _categoryId);

        Assert.NotNull(abandoned.Session);
        Assert.Equal("forfeit", await _db.ScalarAsync<string>("SELECT status FROM sessions WHERE id = $1", abandoned.Session!.SessionId));
        Assert.IsType<SessionStartResult.CoolingDown>(again.Result);
    }

    [Fact]
    public async Task ARetryAfterTheReleaseAnswersFromTheRecordedSessionAndRepeatsTheLeaderboardRefresh()
    {
        var stakeKey = TestPlayers.StakeKey();
        var player = await _db.ScalarAsync<Guid>("INSERT INTO players (stake_key, username) VALUES ($1, $2) RETURNING id", stakeKey, $"p{Guid.NewGuid():N}"[..20]);
        var first = await PlayAsync(player, allCorrect: true);
        var board = LeaderboardId.Category(first.Outcome.SeasonId!, _categoryId);
        // What a refresh that failed after the commit leaves behind: the session recorded, the board without the wallet.
        await _boards.RemoveAsync(board, stakeKey);
        var handle = new SessionHandle(player, first.Outcome.SessionId, _categoryId, _lastToken);

        var retried = await _game.CompleteAsync(handle);

        Assert.True(retried.Outcome.IsReplay);
        Assert.Equal((first.Outcome.Status, first.Outcome.Score, first.Outcome.EligibilityId, 20), (retried.Outcome.Status, retried.Outcome.Score, retried.Outcome.EligibilityId, retried.Outcome.PointsAdded));
        Assert.Equal(SessionReleaseStatus.AlreadyReleased, retried.Release.Status);
        Assert.Equal(20, (await _boards.GetRankAsync(board, stakeKey))?.Standing.Points);
        Assert.Equal(1, await _db.CountAsync("sessions"));
        Assert.Equal(20, await _db.ScalarAsync<int>("SELECT points FROM season_points WHERE stake_key = $1", stakeKey));
        // Another player's handle to the same session id finds nothing of theirs.
        var stranger = await _players.GetOrCreateGuestAsync($"guest-{Guid.NewGuid():N}");
        await Assert.ThrowsAsync<DataNotFoundException>(() => _game.CompleteAsync(handle with { PlayerId = stranger.Id }));
    }

    private async Task<GameCompletion> PlayAsync(Guid playerId, bool allCorrect)
    {
        var start = await _game.StartAsync(playerId, _categoryId);
        var session = Assert.IsType<SessionStartResult.Started>(start.Result).Session;
        foreach (var question in session.Questions)
        {
            await _game.ServeAsync(session.Handle, question.Index);
            var correct = allCorrect || question.Index < 7;
            var chosen = correct ? question.CorrectIndex : (question.CorrectIndex + 1) % 4;
            var step = await _game.AnswerAsync(session.Handle, question.Index, chosen);
            Assert.Equal(SessionStepStatus.Ok, step.Status);
        }

        _lastToken = session.Handle.Token;
        return await _game.CompleteAsync(session.Handle);
    }
}
