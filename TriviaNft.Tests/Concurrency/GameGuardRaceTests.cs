using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Data.Redis.Limits;
using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Tests.Data;
using TriviaNft.Tests.Infrastructure;
using TriviaNft.Tests.Redis;
using Xunit.Abstractions;

namespace TriviaNft.Tests.Concurrency;

/// <summary>
/// 100 callers at once on the guards of the game flow (Redis lock and daily counter, the once-only completion),
/// through the façade the handlers call, against the real PostgreSQL (through PgBouncer) and Redis cluster.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class GameGuardRaceTests(ServersFixture servers, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Callers = 100;
    private MigratedDatabase _db = null!;
    private StackExchange.Redis.IConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _redis = await RedisConnections.ForAsync(servers);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OneHundredCallersStartingSessionsForOnePlayerNeverExceedTheDailyLimit(bool connected)
    {
        // No cooldown, so a caller can start again as soon as a session is released: the daily counter, not the
        // cooldown, is what must stop them.
        var race = await GameRace.CreateAsync(_db, _redis, RedisGameStateOptions.Default with { Cooldown = TimeSpan.Zero });
        var player = connected
            ? await _db.ScalarAsync<Guid>("INSERT INTO players (stake_key, username) VALUES ($1, $2) RETURNING id", TestData.StakeKey(), TestData.Username())
            : (await new PostgresPlayerStore(_db.Data).GetOrCreateGuestAsync(TestData.AnonId())).Id;
        var limit = connected ? race.Options.ConnectedDailyLimit : race.Options.GuestDailyLimit;

        // Each caller starts and forfeits sessions until it is told the limit is reached.
        var refusedAsActive = 0;
        var outcomes = await StartLine.RunAsync(Callers, async _ =>
        {
            var started = 0;
            for (var attempt = 0; attempt < 2_000; attempt++)
            {
                var start = await race.Game.StartAsync(player, race.CategoryId);
                switch (start.Result)
                {
                    case SessionStartResult.Started:
                        await race.Game.ForfeitAsync(start.Session!);
                        started++;
                        break;
                    case SessionStartResult.AlreadyActive:
                        Interlocked.Increment(ref refusedAsActive);
                        // Backoff between retries against another caller's live session, to spare the two cores.
                        await Task.Delay(Random.Shared.Next(1, 5));
                        break;
                    case SessionStartResult.LimitReached reached:
                        Assert.Equal(limit, reached.Limit);
                        return started;
                    default:
                        throw new InvalidOperationException($"Unexpected start result {start.Result}.");
                }
            }

            throw new InvalidOperationException("The caller never reached the daily limit.");
        });

        output.WriteLine($"{Callers} callers: {outcomes.Sum(o => o.Value)} sessions started of a limit of {limit}, "
            + $"{refusedAsActive} starts refused as AlreadyActive, {Callers} callers stopped by LimitReached; {StartLine.Tally(outcomes, n => $"caller started {n}")}");
        StartLine.AssertOnlyFailures(outcomes, _ => false);
        Assert.Equal(limit, outcomes.Sum(o => o.Value));
        Assert.Equal(limit, (await race.DailyUsageAsync(player, connected)).Used);
        Assert.Equal((long)limit, await _db.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE player_id = $1 AND status = 'forfeit'", player));
        Assert.Equal((long)limit, await _db.CountAsync("sessions"));
    }

    [Fact]
    public async Task OneHundredSimultaneousStartsOfOnePlayerLeaveExactlyOneActiveSession()
    {
        var race = await GameRace.CreateAsync(_db, _redis, RedisGameStateOptions.Default);
        var guest = await new PostgresPlayerStore(_db.Data).GetOrCreateGuestAsync(TestData.AnonId());

        var outcomes = await StartLine.RunAsync(Callers, _ => race.Game.StartAsync(guest.Id, race.CategoryId));

        output.WriteLine(StartLine.Tally(outcomes, s => s.Result.GetType().Name));
        StartLine.AssertOnlyFailures(outcomes, _ => false);
        var winner = Assert.Single(outcomes, o => o.Value!.Result is SessionStartResult.Started).Value!.Session!;
        Assert.All(outcomes.Where(o => o.Value!.Session is null),
            o => Assert.Equal(winner.SessionId, Assert.IsType<SessionStartResult.AlreadyActive>(o.Value!.Result).SessionId));
        Assert.Equal(winner.SessionId, (await new RedisActiveSessionStore(_redis).GetAsync(guest.Id))?.SessionId);
        Assert.NotNull(await new RedisSessionLockStore(_redis).GetHeldUntilAsync(guest.Id));
        Assert.Equal(1, (await race.DailyUsageAsync(guest.Id, connected: false)).Used);
        Assert.Equal(0L, await _db.CountAsync("sessions"));
    }

    [Fact]
    public async Task OneHundredSimultaneousCompletionsOfOneSessionRecordItAndItsPointsOnce()
    {
        var race = await GameRace.CreateAsync(_db, _redis, RedisGameStateOptions.Default);
        var stakeKey = TestPlayers.StakeKey();
        var player = await _db.ScalarAsync<Guid>("INSERT INTO players (stake_key, username) VALUES ($1, $2) RETURNING id", stakeKey, TestData.Username());
        var session = await race.PlayPerfectAsync(player);

        var outcomes = await StartLine.RunAsync(Callers, _ => race.Game.CompleteAsync(session));
        output.WriteLine(StartLine.Tally(outcomes, c => $"{(c.Outcome.IsReplay ? "replay" : "first")}/{c.Release.Status}"));

        // A caller arriving after the Redis release finds no live session and is answered from the recorded row: nobody fails.
        StartLine.AssertOnlyFailures(outcomes, _ => false);
        var completed = outcomes.Where(o => o.Succeeded).Select(o => o.Value!).ToList();
        var first = Assert.Single(completed, c => !c.Outcome.IsReplay);
        Assert.Equal((SessionStatus.Won, true, 20), (first.Outcome.Status, first.Outcome.IsPerfect, first.Outcome.PointsAdded));
        Assert.All(completed, c => Assert.Equal(first.Outcome.SessionId, c.Outcome.SessionId));
        Assert.Single(completed, c => c.Release.Status == SessionReleaseStatus.Released);
        Assert.DoesNotContain(completed, c => c.Release.Status == SessionReleaseStatus.NotHeld);

        Assert.Equal(1L, await _db.CountAsync("sessions"));
        Assert.Equal(1L, await _db.CountAsync("eligibilities"));
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM season_points"));
        Assert.Equal((20, 1, 1), (
            await _db.ScalarAsync<int>("SELECT points FROM season_points WHERE stake_key = $1", stakeKey),
            await _db.ScalarAsync<int>("SELECT sessions_used FROM season_points WHERE stake_key = $1", stakeKey),
            await _db.ScalarAsync<int>("SELECT perfect_scores FROM season_points WHERE stake_key = $1", stakeKey)));
        var board = LeaderboardId.Category(first.Outcome.SeasonId!, race.CategoryId);
        var boards = new RedisLeaderboardStore(_redis);
        Assert.Equal(1L, await boards.CountAsync(board));
        Assert.Equal(20, (await boards.GetRankAsync(board, stakeKey))?.Standing.Points);
        Assert.Null(await new RedisActiveSessionStore(_redis).GetAsync(player));
        Assert.Null(await new RedisSessionLockStore(_redis).GetHeldUntilAsync(player));
        Assert.NotNull(await new RedisCooldownStore(_redis).GetUntilAsync(player));
        Assert.Equal(1, (await race.DailyUsageAsync(player, connected: true)).Used);
    }
}
