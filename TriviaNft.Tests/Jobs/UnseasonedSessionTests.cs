using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
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

namespace TriviaNft.Tests.Jobs;

/// <summary>A wallet playing while no season takes points: recorded, no points, never silent.</summary>
[Collection(ServersCollection.Name)]
public sealed class UnseasonedSessionTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;

    public async Task InitializeAsync() => _db = await servers.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AWalletSessionBeforeTheFirstSeasonIsRecordedWithoutPointsLoggedAndCounted()
    {
        var redis = await RedisConnections.ForAsync(servers);
        var clock = new FakeTimeProvider(JobsWorld.WinterStart.AddDays(-60));
        var category = await _db.ScalarAsync<Guid>(
            "INSERT INTO categories (name, slug, display_order) VALUES ($1, $2, 99) RETURNING id", $"Gap {Guid.NewGuid():N}", $"gap-{Guid.NewGuid():N}");
        var questions = new PostgresQuestionStore(_db.Data);
        await questions.ImportAsync([.. Enumerable.Range(0, 20).Select(n => QuestionStoreTests.Sample(category, n))]);
        var logger = new ListLogger();
        var game = new GameSessions(
            new PostgresPlayerStore(_db.Data), questions, new PostgresSessionStore(_db.Data, timeProvider: clock),
            new RedisActiveSessionStore(redis, clock: clock), new RedisSeenQuestionStore(redis, clock: clock),
            new RedisLeaderboardRebuilder(redis, _db.Data), RedisGameStateOptions.Default, clock, logger);
        var wallet = await JobsWorld.WalletAsync(_db);
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GameTelemetry.Name && instrument.Name == "trivianft.sessions.unseasoned")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();

        var start = await game.StartAsync(wallet.Id, category);
        clock.Advance(TimeSpan.FromSeconds(30));
        var completion = await game.ForfeitAsync(start.Session!);

        Assert.Equal((null, 0), (completion.Outcome.SeasonId, completion.Outcome.PointsAdded));
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE id = $1", completion.Outcome.SessionId));
        Assert.Equal(0, await _db.CountAsync("season_points"));
        Assert.Equal(1, Interlocked.Read(ref counted));
        Assert.Contains(logger.Lines, l => l.Contains(completion.Outcome.SessionId.ToString(), StringComparison.Ordinal) && l.Contains("without season points", StringComparison.Ordinal));
    }

    private sealed class ListLogger : ILogger<GameSessions>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
