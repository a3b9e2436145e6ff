using TriviaNft.Data;
using TriviaNft.Data.Postgres.QuestionFlags;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Tests.Data.Nfts;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.BadInput;

/// <summary>
/// A keyset cursor is an instant, whatever offset it is written in: found by the corpus, a cursor in +02:00 used to
/// reach the driver as is and fail with its raw ArgumentException (timestamptz takes only offset 0).
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CursorOffsetTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly TimeSpan PlusTwo = TimeSpan.FromHours(2);
    private MigratedDatabase _db = null!;

    public async Task InitializeAsync() => _db = await servers.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ASessionHistoryCursorInAnotherOffsetPagesLikeItsUtcTwin()
    {
        var player = await _db.PlayerAsync(TestRows.StakeKey());
        var science = await _db.CategoryAsync();
        for (var i = 0; i < 3; i++)
        {
            await _db.SessionAsync(player, science);
        }

        var sessions = new PostgresSessionStore(_db.Data);
        var first = Assert.Single(await sessions.ListForPlayerAsync(player, 1));

        var utc = await sessions.ListForPlayerAsync(player, 10, new PageCursor(first.StartedAt, first.Id));
        var shifted = await sessions.ListForPlayerAsync(player, 10, new PageCursor(first.StartedAt.ToOffset(PlusTwo), first.Id));

        Assert.Equal(2, utc.Count);
        Assert.Equal(utc, shifted);
    }

    [Fact]
    public async Task AFlagQueueCursorInAnotherOffsetPagesLikeItsUtcTwin()
    {
        var question = await _db.ScalarAsync<Guid>("""
            INSERT INTO questions (category_id, text, options, correct_index, hash)
            SELECT id, 'Which?', '["a","b","c","d"]', 0, repeat('a', 64) FROM categories WHERE slug = 'science' RETURNING id
            """);
        var flags = new PostgresQuestionFlagStore(_db.Data);
        for (var i = 0; i < 3; i++)
        {
            await flags.FlagAsync(question, await _db.PlayerAsync(TestRows.StakeKey()), "Outdated.");
        }

        var first = Assert.Single(await flags.ListUnhandledAsync(1));

        var utc = await flags.ListUnhandledAsync(10, new PageCursor(first.CreatedAt, first.Id));
        var shifted = await flags.ListUnhandledAsync(10, new PageCursor(first.CreatedAt.ToOffset(PlusTwo), first.Id));

        Assert.Equal(2, utc.Count);
        Assert.Equal(utc.Select(f => f.Id), shifted.Select(f => f.Id));
    }
}
