using System.Collections.Concurrent;
using StackExchange.Redis;
using TriviaNft.Data.Game;
using TriviaNft.Data.Postgres.Catalog;
using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Eligibilities;
using TriviaNft.Data.Postgres.Forging;
using TriviaNft.Data.Postgres.LeaderboardSnapshots;
using TriviaNft.Data.Postgres.Mints;
using TriviaNft.Data.Postgres.PlayerNfts;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.Privacy;
using TriviaNft.Data.Postgres.QuestionFlags;
using TriviaNft.Data.Postgres.Questions;
using TriviaNft.Data.Postgres.SeasonPoints;
using TriviaNft.Data.Postgres.Seasons;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Data.Redis.Limits;
using TriviaNft.Data.Redis.Privacy;
using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Tests.Infrastructure;
using TriviaNft.Tests.Redis;

namespace TriviaNft.Tests.BadInput;

/// <summary>
/// One seeded world the whole corpus aims at: every public store of TriviaNft.Data, the Redis game state and the
/// façade over one migrated database, with rows for each kind of id a bad caller could misuse (another player's
/// live session, a finished session, a used eligibility, a pending mint and forge, a flag). Built once per test
/// run — a database per case would cost a migration each — and never written by the corpus, which is what every
/// case asserts. Its database is dropped with the test servers' throw-away data directory.
/// </summary>
internal sealed partial class BadInputWorld
{
    private static readonly ConcurrentDictionary<ServersFixture, Lazy<Task<BadInputWorld>>> Worlds = new();

    private BadInputWorld(MigratedDatabase db, IConnectionMultiplexer redis)
    {
        Db = db;
        Redis = redis;
        Players = new PostgresPlayerStore(db.Data);
        Categories = new PostgresCategoryStore(db.Data);
        Questions = new PostgresQuestionStore(db.Data);
        Flags = new PostgresQuestionFlagStore(db.Data);
        Sessions = new PostgresSessionStore(db.Data);
        Seasons = new PostgresSeasonStore(db.Data);
        Eligibilities = new PostgresEligibilityStore(db.Data);
        Catalog = new PostgresNftCatalogStore(db.Data);
        Mints = new PostgresMintStore(db.Data);
        Nfts = new PostgresPlayerNftStore(db.Data);
        Forging = new PostgresForgeStore(db.Data);
        Points = new PostgresSeasonPointsStore(db.Data);
        Snapshots = new PostgresLeaderboardSnapshotStore(db.Data);
        Privacy = new PostgresPrivacyStore(db.Data);
        ActiveSessions = new RedisActiveSessionStore(redis);
        DailyLimits = new RedisDailyLimitStore(redis);
        Seen = new RedisSeenQuestionStore(redis);
        Locks = new RedisSessionLockStore(redis);
        Cooldowns = new RedisCooldownStore(redis);
        Boards = new RedisLeaderboardStore(redis);
        Rebuilder = new RedisLeaderboardRebuilder(redis, db.Data);
        CacheEraser = new RedisPlayerCacheEraser(redis);
        Game = new GameSessions(Players, Questions, Sessions, ActiveSessions, Seen, Rebuilder);
    }

    public MigratedDatabase Db { get; }

    public IConnectionMultiplexer Redis { get; }

    public PostgresPlayerStore Players { get; }

    public PostgresCategoryStore Categories { get; }

    public PostgresQuestionStore Questions { get; }

    public PostgresQuestionFlagStore Flags { get; }

    public PostgresSessionStore Sessions { get; }

    public PostgresSeasonStore Seasons { get; }

    public PostgresEligibilityStore Eligibilities { get; }

    public PostgresNftCatalogStore Catalog { get; }

    public PostgresMintStore Mints { get; }

    public PostgresPlayerNftStore Nfts { get; }

    public PostgresForgeStore Forging { get; }

    public PostgresSeasonPointsStore Points { get; }

    public PostgresLeaderboardSnapshotStore Snapshots { get; }

    public PostgresPrivacyStore Privacy { get; }

    public RedisActiveSessionStore ActiveSessions { get; }

    public RedisDailyLimitStore DailyLimits { get; }

    public RedisSeenQuestionStore Seen { get; }

    public RedisSessionLockStore Locks { get; }

    public RedisCooldownStore Cooldowns { get; }

    public RedisLeaderboardStore Boards { get; }

    public RedisLeaderboardRebuilder Rebuilder { get; }

    public RedisPlayerCacheEraser CacheEraser { get; }

    public GameSessions Game { get; }

    /// <summary>The game's own category (40 questions), so its Redis keys are this world's only.</summary>
    public Guid CategoryId { get; private set; }

    public Guid Science { get; private set; }

    /// <summary>A wallet-connected player with a username, holding NFTs, an eligibility, a pending mint and forge.</summary>
    public Guid Wallet { get; private set; }

    public string WalletStakeKey { get; private set; } = "";

    /// <summary>A guest with no session in play.</summary>
    public Guid Guest { get; private set; }

    /// <summary>The wallet player's live session, nothing answered yet.</summary>
    public SessionHandle OwnSession { get; private set; } = null!;

    /// <summary>Another guest's live session.</summary>
    public SessionHandle ForeignSession { get; private set; } = null!;

    /// <summary>A session already forfeited and recorded.</summary>
    public SessionHandle FinishedSession { get; private set; } = null!;

    public Guid QuestionId { get; private set; }

    public Guid FlagId { get; private set; }

    /// <summary>The wallet player's active eligibility, held by <see cref="MintId"/>.</summary>
    public Guid EligibilityId { get; private set; }

    public Guid UsedEligibilityId { get; private set; }

    public Guid ExpiredEligibilityId { get; private set; }

    public Guid MintId { get; private set; }

    public Guid ForgeId { get; private set; }

    /// <summary>The ten NFTs of the pending forge.</summary>
    public IReadOnlyList<string> ForgeInputs { get; private set; } = [];

    /// <summary>Ten NFTs of another wallet.</summary>
    public IReadOnlyList<string> ForeignNfts { get; private set; } = [];

    public static Task<BadInputWorld> ForAsync(ServersFixture servers) =>
        Worlds.GetOrAdd(servers, s => new Lazy<Task<BadInputWorld>>(() => CreateAsync(s))).Value;

    /// <summary>The player ids whose Redis keys belong to this world.</summary>
    public IEnumerable<Guid> PlayerIds => [Wallet, Guest, OwnSession.PlayerId, ForeignSession.PlayerId, FinishedSession.PlayerId];

    private static async Task<BadInputWorld> CreateAsync(ServersFixture servers)
    {
        var world = new BadInputWorld(await servers.CreateMigratedDatabaseAsync(), await RedisConnections.ForAsync(servers));
        await world.SeedAsync();
        return world;
    }
}
