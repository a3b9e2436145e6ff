using TriviaNft.Data;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.QuestionFlags;
using TriviaNft.Data.Postgres.Questions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class QuestionFlagStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private PostgresQuestionFlagStore _store = null!;
    private PostgresPlayerStore _players = null!;
    private List<Guid> _questions = [];

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresQuestionFlagStore(_db.Data);
        _players = new PostgresPlayerStore(_db.Data);
        var science = (await new PostgresCategoryStore(_db.Data).GetBySlugAsync("science")).Id;
        var questions = new PostgresQuestionStore(_db.Data);
        await questions.ImportAsync([.. Enumerable.Range(1, 5).Select(n => QuestionStoreTests.Sample(science, n))]);
        _questions = [.. (await questions.PickRandomAsync(science, 5, [])).Select(q => q.Id)];
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task APlayerFlagsAQuestionOnceAndARepeatConflicts()
    {
        var player = await _players.GetOrCreateGuestAsync(TestData.AnonId());

        var flag = await _store.FlagAsync(_questions[0], player.Id, "The answer is wrong.");
        var error = await Assert.ThrowsAsync<DataConflictException>(() => _store.FlagAsync(_questions[0], player.Id, "Again."));

        Assert.False(flag.Handled);
        Assert.Equal("uq_question_flags_question_id_player_id", error.Rule);
        Assert.Equal(1, await _db.CountAsync("question_flags"));
    }

    [Fact]
    public async Task MalformedFlagsAreValidationErrorsAndWriteNothing()
    {
        var player = await _players.GetOrCreateGuestAsync(TestData.AnonId());

        await Assert.ThrowsAsync<DataValidationException>(() => _store.FlagAsync(_questions[0], player.Id, " "));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.FlagAsync(_questions[0], player.Id, new string('x', 501)));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.FlagAsync(Guid.Empty, player.Id, "why"));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.FlagAsync(Guid.NewGuid(), player.Id, "why"));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.FlagAsync(_questions[0], Guid.NewGuid(), "why"));

        Assert.Equal(0, await _db.CountAsync("question_flags"));
    }

    [Fact]
    public async Task UnhandledFlagsArePagedOldestFirst()
    {
        var player = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var flagged = new List<Guid>();
        foreach (var question in _questions)
        {
            flagged.Add((await _store.FlagAsync(question, player.Id, "Typo.")).Id);
        }

        var first = await _store.ListUnhandledAsync(limit: 3);
        var second = await _store.ListUnhandledAsync(limit: 3, after: new PageCursor(first[^1].CreatedAt, first[^1].Id));

        Assert.Equal(3, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Equal(flagged, first.Concat(second).Select(f => f.Id));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.ListUnhandledAsync(limit: 0));
    }

    [Fact]
    public async Task ResolvingMarksTheFlagHandledAndIsIdempotent()
    {
        var player = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var moderator = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var other = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var flag = await _store.FlagAsync(_questions[0], player.Id, "Outdated.");

        var resolved = await _store.ResolveAsync(flag.Id, moderator.Id);
        var again = await _store.ResolveAsync(flag.Id, other.Id);

        Assert.True(resolved.Handled);
        Assert.Equal(moderator.Id, resolved.HandledBy);
        Assert.NotNull(resolved.HandledAt);
        Assert.Equal(resolved, again);
        Assert.Empty(await _store.ListUnhandledAsync());
    }

    [Fact]
    public async Task ResolvingAnUnknownFlagOrWithAnUnknownModeratorFails()
    {
        var player = await _players.GetOrCreateGuestAsync(TestData.AnonId());
        var flag = await _store.FlagAsync(_questions[0], player.Id, "Outdated.");

        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.ResolveAsync(Guid.NewGuid(), player.Id));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.ResolveAsync(flag.Id, Guid.NewGuid()));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.ResolveAsync(Guid.Empty, player.Id));

        Assert.False(await _db.ScalarAsync<bool>("SELECT handled FROM question_flags WHERE id = $1", flag.Id));
    }
}
