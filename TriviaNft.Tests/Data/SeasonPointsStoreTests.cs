using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres;
using TriviaNft.Data.Postgres.SeasonPoints;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class SeasonPointsStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private const string Season = "winter-s1";
    private MigratedDatabase _db = null!;
    private PostgresSeasonPointsStore _store = null!;
    private IReadOnlyList<string> _expected = [];

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresSeasonPointsStore(_db.Data, new PagingOptions { MaxPageSize = 20 });
        _expected = await TestLeaderboard.SeedAsync(_db, Season);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TheLeaderboardBreaksTiesOnEveryKeyInTheDesignedOrder()
    {
        var board = await _store.GetPageAsync(Season);

        Assert.Equal(_expected, board.Select(e => e.StakeKey));
        Assert.Equal(Enumerable.Range(1, _expected.Count).Select(r => (long)r), board.Select(e => e.Rank));
        Assert.All(board, e => Assert.False(string.IsNullOrEmpty(e.Username)));
        Assert.Equal((60, 0), (board[0].Points, board[0].NftsMinted));
    }

    [Fact]
    public async Task GuestsAndPlayersWithoutAUsernameAreNotRanked()
    {
        var board = await _store.GetPageAsync(Season);
        var guest = await TestLeaderboard.GuestAsync(_db, Season);
        var nameless = await TestLeaderboard.NamelessAsync(_db, Season);

        Assert.DoesNotContain(board, e => e.StakeKey == guest || e.StakeKey == nameless || e.Points == 1000);
        Assert.Null(await _store.GetRankAsync(Season, guest));
        Assert.Null(await _store.GetRankAsync(Season, nameless));
        Assert.Null(await _store.GetRankAsync(Season, TestRows.StakeKey()));
    }

    [Fact]
    public async Task EachPlayersRankIsItsPositionOnTheBoard()
    {
        var board = await _store.GetPageAsync(Season);

        foreach (var entry in board)
        {
            Assert.Equal(entry, await _store.GetRankAsync(Season, entry.StakeKey));
        }
    }

    [Fact]
    public async Task PagesByRankAndByKeysetAgreeWithTheWholeBoard()
    {
        var board = await _store.GetPageAsync(Season);

        var byRank = (await _store.GetPageAsync(Season, 1, 3)).Concat(await _store.GetPageAsync(Season, 4, 3)).Concat(await _store.GetPageAsync(Season, 7, 3));
        var first = await _store.GetPageAsync(Season, 1, 3);
        var second = await _store.GetPageAfterAsync(Season, first[^1], 3);
        var third = await _store.GetPageAfterAsync(Season, second[^1], 3);

        Assert.Equal(board, byRank);
        Assert.Equal(board, first.Concat(second).Concat(third));
        Assert.Empty(await _store.GetPageAfterAsync(Season, board[^1], 3));
        Assert.Empty(await _store.GetPageAsync(Season, 9, 3));
    }

    [Fact]
    public async Task MalformedRequestsAreValidationErrors()
    {
        var top = (await _store.GetPageAsync(Season, 1, 1))[0];

        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetPageAsync("Winter S1"));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetPageAsync(Season, 0));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetPageAsync(Season, 1, 21));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetPageAsync(Season, 1, 0));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetPageAfterAsync(Season, top with { StakeKey = "nope" }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetPageAfterAsync(Season, top with { Rank = 0 }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetPageAfterAsync(Season, top with { Points = -1 }));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetRankAsync(Season, "stake1"));
        await _db.ThrowsWithoutWritingAsync<DataValidationException>(() => _store.GetRankAsync("", top.StakeKey));
    }
}
