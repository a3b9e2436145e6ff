using StackExchange.Redis;
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

namespace TriviaNft.Tests.Concurrency;

/// <summary>The game façade over a test's own database and the shared Redis, with a category of its own (fresh keys).</summary>
internal sealed record GameRace(MigratedDatabase Db, IConnectionMultiplexer Redis, GameSessions Game, Guid CategoryId, RedisGameStateOptions Options)
{
    public static async Task<GameRace> CreateAsync(MigratedDatabase db, IConnectionMultiplexer redis, RedisGameStateOptions options)
    {
        await GameData.ActiveSeasonAroundNowAsync(db);
        var categoryId = await db.ScalarAsync<Guid>(
            "INSERT INTO categories (name, slug, display_order) VALUES ($1, $2, 99) RETURNING id", $"Race {Guid.NewGuid():N}", $"race-{Guid.NewGuid():N}");
        var questions = new PostgresQuestionStore(db.Data);
        await questions.ImportAsync([.. Enumerable.Range(0, 40).Select(n => QuestionStoreTests.Sample(categoryId, n))]);
        var game = new GameSessions(
            new PostgresPlayerStore(db.Data), questions, new PostgresSessionStore(db.Data), new RedisActiveSessionStore(redis, options),
            new RedisSeenQuestionStore(redis, options), new RedisLeaderboardRebuilder(redis, db.Data, options), options);
        return new GameRace(db, redis, game, categoryId, options);
    }

    public Task<DailyUsage> DailyUsageAsync(Guid playerId, bool connected) =>
        new RedisDailyLimitStore(Redis, Options).GetAsync(playerId, connected);

    /// <summary>Plays every question of a started session, all answered correctly.</summary>
    public async Task<SessionHandle> PlayPerfectAsync(Guid playerId)
    {
        var start = await Game.StartAsync(playerId, CategoryId);
        var session = Assert.IsType<SessionStartResult.Started>(start.Result).Session;
        foreach (var question in session.Questions)
        {
            await Game.ServeAsync(session.Handle, question.Index);
            Assert.Equal(SessionStepStatus.Ok, (await Game.AnswerAsync(session.Handle, question.Index, question.CorrectIndex)).Status);
        }

        return session.Handle;
    }
}
