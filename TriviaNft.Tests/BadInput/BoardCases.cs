using TriviaNft.Data.Postgres.SeasonPoints;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Tests.Data.Nfts;
using static TriviaNft.Tests.BadInput.BadInputKind;
using static TriviaNft.Tests.BadInput.Case;

namespace TriviaNft.Tests.BadInput;

/// <summary>Season points, snapshots, privacy, and the Redis leaderboards and cache eraser.</summary>
internal static class BoardCases
{
    private const string Season = "winter-s1";

    public static IEnumerable<BadInputCase> All() =>
    [
        Invalid(Number, "points page from rank 0", w => w.Points.GetPageAsync(Season, 0), "page.from_rank"),
        Invalid(Number, "points page from rank int.MinValue", w => w.Points.GetPageAsync(Season, int.MinValue), "page.from_rank"),
        Invalid(Number, "points page of 0", w => w.Points.GetPageAsync(Season, 1, 0), "page.limit"),
        Invalid(Number, "points page of 201", w => w.Points.GetPageAsync(Season, 1, 201), "page.limit"),
        Invalid(Number, "points page of -1", w => w.Points.GetPageAsync(Season, 1, -1), "page.limit"),
        Invalid(Injection, "points page of a SQL season", w => w.Points.GetPageAsync(Nasty.SqlTautology), "chk_seasons_id_format"),
        Missing("points page after null", w => w.Points.GetPageAfterAsync(Season, null!)),
        Invalid(Identifier, "points page after a malformed stake key", w => w.Points.GetPageAfterAsync(Season, Entry() with { StakeKey = "stake1x" }), "page.after"),
        Invalid(Number, "points page after rank 0", w => w.Points.GetPageAfterAsync(Season, Entry() with { Rank = 0 }), "page.after"),
        Invalid(Number, "points page after negative points", w => w.Points.GetPageAfterAsync(Season, Entry() with { Points = -1 }), "page.after"),
        Invalid(Number, "points page after an implausible instant", w => w.Points.GetPageAfterAsync(Season, Entry() with { FirstAchievedAt = DateTimeOffset.MinValue }), "page.after"),
        Invalid(Unicode, "rank of a stake key with an RTL override", w => w.Points.GetRankAsync(Season, Nasty.RtlOverride + TestRows.StakeKey()), "stake_key"),

        Invalid(Injection, "snapshot of a SQL season", w => w.Snapshots.TakeAsync(Nasty.SqlDrop), "chk_seasons_id_format"),
        NotFound(ForeignId, "snapshot of an unknown season", w => w.Snapshots.TakeAsync("nope-s9")),
        Invalid(Number, "snapshot dated year 1", w => w.Snapshots.TakeAsync(Season, DateOnly.MinValue), "leaderboard_snapshots.snapshot_date"),
        Invalid(Number, "snapshot dated year 9999", w => w.Snapshots.TakeAsync(Season, DateOnly.MaxValue), "leaderboard_snapshots.snapshot_date"),
        Invalid(Number, "snapshot page from rank 0", w => w.Snapshots.GetPageAsync(Season, new DateOnly(2026, 12, 24), 0), "page.from_rank"),
        Invalid(Number, "snapshot page of 0", w => w.Snapshots.GetPageAsync(Season, new DateOnly(2026, 12, 24), 1, 0), "page.limit"),

        Invalid(Identifier, "export of empty player id", w => w.Privacy.ExportAsync(Guid.Empty), "players.id"),
        NotFound(ForeignId, "export of unknown player", w => w.Privacy.ExportAsync(Guid.NewGuid())),
        Invalid(Identifier, "erasure of empty player id", w => w.Privacy.EraseAsync(Guid.Empty), "players.id"),
        Refused(ForeignId, "erasure of unknown player", w => w.Privacy.EraseAsync(Guid.NewGuid()), r => !r.PlayerFound),

        Invalid(Injection, "leaderboard of a SQL season", _ => Task.FromResult(LeaderboardId.Global(Nasty.SqlDrop)), "chk_seasons_id_format"),
        Invalid(Identifier, "leaderboard of empty category id", _ => Task.FromResult(LeaderboardId.Category(Season, Guid.Empty)), "categories.id"),
        Invalid(Number, "leaderboard page from rank 0", w => w.Boards.GetPageAsync(LeaderboardId.Global(Season), 0), "leaderboard.rank"),
        Invalid(Number, "leaderboard page of 1001", w => w.Boards.GetPageAsync(LeaderboardId.Global(Season), 1, 1001), "leaderboard.limit"),
        Invalid(Number, "leaderboard neighbours -1 before", w => w.Boards.GetAroundAsync(LeaderboardId.Global(Season), w.WalletStakeKey, -1), "leaderboard.before"),
        Invalid(Identifier, "leaderboard rank of a malformed stake key", w => w.Boards.GetRankAsync(LeaderboardId.Global(Season), "stake1"), "leaderboard.stake_key"),
        Invalid(Number, "leaderboard standing with negative points", w => w.Boards.UpdateAsync(LeaderboardId.Global(Season), Standing(w) with { Points = -1 }), "leaderboard.points"),
        Invalid(Number, "leaderboard standing with int.MaxValue points", w => w.Boards.UpdateAsync(LeaderboardId.Global(Season), Standing(w) with { Points = int.MaxValue }), "leaderboard.points"),
        Missing("leaderboard standing null", w => w.Boards.UpdateAsync(LeaderboardId.Global(Season), null!)),
        Invalid(Unicode, "leaderboard removal of a stake key with NUL", w => w.Boards.RemoveAsync(LeaderboardId.Global(Season), "stake1\0"), "leaderboard.stake_key"),
        Invalid(Identifier, "leaderboard refresh of a malformed stake key", w => w.Rebuilder.RefreshAsync(LeaderboardId.Global(Season), "addr1qx"), "leaderboard.stake_key"),

        Invalid(Identifier, "cache erasure of empty player id", w => w.CacheEraser.EraseAsync(Guid.Empty, [w.CategoryId]), "players.id"),
        Missing("cache erasure with null categories", w => w.CacheEraser.EraseAsync(w.Guest, null!)),
        Invalid(Identifier, "cache erasure of an empty category id", w => w.CacheEraser.EraseAsync(w.Guest, [Guid.Empty]), "categories.id"),
        Invalid(Identifier, "cache erasure of boards without a stake key", w => w.CacheEraser.EraseAsync(
            w.Guest, [w.CategoryId], null, [LeaderboardId.Global(Season)]), "leaderboard.stake_key"),
    ];

    private static LeaderboardEntry Entry() => new()
    {
        Rank = 1, StakeKey = TestRows.StakeKey(), Username = "alice", Points = 10, FirstAchievedAt = DateTimeOffset.UtcNow,
    };

    private static LeaderboardStanding Standing(BadInputWorld world) => new()
    {
        StakeKey = world.WalletStakeKey, Points = 10, NftsMinted = 0, PerfectScores = 0, AvgAnswerMs = 1_000, SessionsUsed = 1,
        FirstAchievedAt = DateTimeOffset.UtcNow,
    };
}
