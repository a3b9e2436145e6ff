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
using TriviaNft.Tests.Redis;
using Xunit.Abstractions;

namespace TriviaNft.Tests.Faults;

/// <summary>
/// One fault scenario's world on the <see cref="FaultStack"/>: its own database and category, wallet-connected players
/// with usernames (so they rank), the game façade composed as in production (no cooldown, so players play back to
/// back), its own multiplexer, and the figures it collects.
/// </summary>
public sealed class FaultScenario : IAsyncDisposable
{
    private static readonly TimeSpan LoadBound = TimeSpan.FromMinutes(4);

    private FaultScenario(MigratedDatabase db, ConnectionMultiplexer redis, GameSessions game, Guid categoryId, IReadOnlyList<Guid> players, FaultFigures figures, int dailyLimit)
    {
        Db = db;
        Redis = redis;
        Game = game;
        CategoryId = categoryId;
        Players = players;
        Figures = figures;
        DailyLimit = dailyLimit;
    }

    /// <summary>The scenario's database.</summary>
    public MigratedDatabase Db { get; }

    /// <summary>The scenario's multiplexer onto the cluster.</summary>
    public ConnectionMultiplexer Redis { get; }

    /// <summary>The façade the players play through.</summary>
    public GameSessions Game { get; }

    /// <summary>The category every session is played in.</summary>
    public Guid CategoryId { get; }

    /// <summary>The players' ids.</summary>
    public IReadOnlyList<Guid> Players { get; }

    /// <summary>What the scenario measured.</summary>
    public FaultFigures Figures { get; }

    /// <summary>Sessions a player may start per day in this scenario.</summary>
    public int DailyLimit { get; }

    /// <summary>Builds the scenario's data: a season around now, a category with enough questions, the players.</summary>
    public static async Task<FaultScenario> CreateAsync(FaultStack stack, string name, int dailyLimit, int questions)
    {
        var db = await stack.CreateMigratedDatabaseAsync();
        var redis = await ConnectionMultiplexer.ConnectAsync(stack.RedisConfiguration).WaitAsync(TimeSpan.FromSeconds(30));
        await GameData.ActiveSeasonAroundNowAsync(db);
        var categoryId = await db.ScalarAsync<Guid>(
            "INSERT INTO categories (name, slug, display_order) VALUES ($1, $2, 99) RETURNING id", $"Faults {Guid.NewGuid():N}", $"faults-{Guid.NewGuid():N}");
        var questionStore = new PostgresQuestionStore(db.Data);
        await questionStore.ImportAsync([.. Enumerable.Range(0, questions).Select(n => QuestionStoreTests.Sample(categoryId, n))]);
        var players = new List<Guid>();
        for (var i = 0; i < FaultSizes.Current.Players; i++)
        {
            players.Add(await db.ScalarAsync<Guid>(
                "INSERT INTO players (stake_key, username) VALUES ($1, $2) RETURNING id", TestPlayers.StakeKey(), $"f{Guid.NewGuid():N}"[..20]));
        }

        var options = RedisGameStateOptions.Default with { Cooldown = TimeSpan.Zero, ConnectedDailyLimit = dailyLimit };
        var game = new GameSessions(
            new PostgresPlayerStore(db.Data), questionStore, new PostgresSessionStore(db.Data), new RedisActiveSessionStore(redis, options),
            new RedisSeenQuestionStore(redis, options), new RedisLeaderboardRebuilder(redis, db.Data, options), options);
        return new FaultScenario(db, redis, game, categoryId, players, new FaultFigures(name, players.Count), dailyLimit);
    }

    /// <summary>
    /// Runs the load, injects <paramref name="fault"/> once it is under way (the fault sets <see cref="FaultFigures.RepairedAt"/>
    /// when it has repaired what it broke), keeps the load on a while after, then stops it and waits for it.
    /// </summary>
    public async Task RunAsync(Func<FaultFigures, Task> fault)
    {
        using var stop = new CancellationTokenSource();
        var load = new FaultLoad(Game, CategoryId, Players, Figures).RunAsync(stop.Token);
        await Task.Delay(FaultSizes.Current.LoadBeforeFault);
        Figures.FaultAt = Figures.Now;
        await fault(Figures);
        Figures.RepairedAt ??= Figures.Now;
        // Clients take a while to notice the repair (StackExchange.Redis re-reads the slot map, pools reconnect): the
        // load goes on until sessions complete again — one per player — or every player has stopped, then a while more.
        using (var resumed = new CancellationTokenSource(FaultSizes.RetryBound))
        {
            while (Figures.AcknowledgedAfterRepair < Players.Count && !load.IsCompleted && !resumed.IsCancellationRequested)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }

        Figures.Measure("resumedAfterRepairSeconds", Math.Round((Figures.Now - Figures.RepairedAt.Value).TotalSeconds, 2));
        await Task.Delay(FaultSizes.Current.LoadAfterRepair);
        await stop.CancelAsync();
        await load.WaitAsync(LoadBound);
    }

    /// <summary>Writes the figures to artifacts/reliability and the test output.</summary>
    public void Report(ITestOutputHelper output) => output.WriteLine(Figures.Write());

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Db.DisposeAsync();
    }
}
