using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

/// <summary>Malformed completions are typed errors and leave every table as it was.</summary>
[Collection(ServersCollection.Name)]
public sealed class SessionStoreValidationTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private PostgresSessionStore _store = null!;
    private Player _player = null!;
    private Guid _science;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresSessionStore(_db.Data);
        var players = new PostgresPlayerStore(_db.Data);
        var guest = await players.GetOrCreateGuestAsync(TestData.AnonId());
        _player = (await players.ConnectWalletAsync(guest.Id, TestData.StakeKey())).Player;
        _science = (await new PostgresCategoryStore(_db.Data).GetBySlugAsync("science")).Id;
        await GameData.ActiveSeasonAroundNowAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string> Flaws =>
    [
        "no-session-id", "no-player-id", "no-category-id", "ends-before-start", "default-start", "nine-answers",
        "eleven-answers", "repeated-question", "chosen-4", "unanswered-but-correct", "negative-time", "no-question-id",
        "unknown-category",
    ];

    [Theory]
    [MemberData(nameof(Flaws))]
    public async Task AMalformedCompletionIsAValidationErrorAndWritesNothing(string flaw)
    {
        var good = GameData.Completion(_player.Id, _science, 10);
        var answers = good.Answers.ToList();
        var bad = flaw switch
        {
            "no-session-id" => good with { SessionId = Guid.Empty },
            "no-player-id" => good with { PlayerId = Guid.Empty },
            "no-category-id" => good with { CategoryId = Guid.Empty },
            "ends-before-start" => good with { EndedAt = good.StartedAt.AddSeconds(-1) },
            "default-start" => good with { StartedAt = default },
            "nine-answers" => good with { Answers = answers[..9] },
            "eleven-answers" => good with { Answers = [.. answers, answers[0] with { QuestionId = Guid.NewGuid() }] },
            "repeated-question" => good with { Answers = [.. answers[..9], answers[0]] },
            "chosen-4" => good with { Answers = [.. answers[..9], answers[9] with { ChosenIndex = 4 }] },
            "unanswered-but-correct" => good with { Answers = [.. answers[..9], answers[9] with { ChosenIndex = null }] },
            "negative-time" => good with { Answers = [.. answers[..9], answers[9] with { ElapsedMs = -1 }] },
            "no-question-id" => good with { Answers = [.. answers[..9], answers[9] with { QuestionId = Guid.Empty }] },
            _ => good with { CategoryId = Guid.NewGuid() },
        };

        await Assert.ThrowsAsync<DataValidationException>(() => _store.CompleteAsync(bad));

        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task AnUnknownPlayerIsNotFoundAndWritesNothing()
    {
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.CompleteAsync(GameData.Completion(Guid.NewGuid(), _science, 10)));

        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task ASessionIdReusedForAnotherCategoryIsAConflict()
    {
        var first = GameData.Completion(_player.Id, _science, 4);
        await _store.CompleteAsync(first);
        var history = await _db.ScalarAsync<Guid>("SELECT id FROM categories WHERE slug = 'history'");

        var error = await Assert.ThrowsAsync<DataConflictException>(() => _store.CompleteAsync(first with { CategoryId = history }));

        Assert.Equal("sessions.id-reused", error.Rule);
        Assert.Equal(1, await _db.CountAsync("sessions"));
        Assert.Equal(1, await _db.ScalarAsync<int>("SELECT sessions_used FROM season_points"));
    }

    [Fact]
    public async Task AForfeitMayHaveFewerAnswersEvenNone()
    {
        var outcome = await _store.CompleteAsync(GameData.Completion(_player.Id, _science, 0, forfeit: true, served: 0));

        Assert.Equal(SessionStatus.Forfeit, outcome.Status);
        Assert.Equal(100_000, await _db.ScalarAsync<int>("SELECT total_ms FROM sessions"));
        Assert.Equal(10_000, await _db.ScalarAsync<int>("SELECT avg_answer_ms FROM season_points"));
    }

    private async Task AssertNothingWrittenAsync()
    {
        Assert.Equal(0, await _db.CountAsync("sessions"));
        Assert.Equal(0, await _db.CountAsync("eligibilities"));
        Assert.Equal(0, await _db.CountAsync("season_points"));
    }
}
