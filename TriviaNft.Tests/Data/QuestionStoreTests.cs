using TriviaNft.Data.Errors;
using TriviaNft.Data.Postgres.Categories;
using TriviaNft.Data.Postgres.Questions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

[Collection(ServersCollection.Name)]
public sealed class QuestionStoreTests(ServersFixture servers) : IAsyncLifetime
{
    private MigratedDatabase _db = null!;
    private PostgresQuestionStore _store = null!;
    private Guid _science;

    public async Task InitializeAsync()
    {
        _db = await servers.CreateMigratedDatabaseAsync();
        _store = new PostgresQuestionStore(_db.Data);
        _science = (await new PostgresCategoryStore(_db.Data).GetBySlugAsync("science")).Id;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    internal static NewQuestion Sample(Guid categoryId, int n) => new()
    {
        CategoryId = categoryId,
        Text = $"Question number {n}?",
        Options = [$"a{n}", $"b{n}", $"c{n}", $"d{n}"],
        CorrectIndex = n % 4,
    };

    [Fact]
    public async Task ImportInsertsNewQuestionsAndSkipsDuplicatesByHash()
    {
        var first = await _store.ImportAsync([.. Enumerable.Range(1, 5).Select(n => Sample(_science, n))]);
        // Questions 4 and 5 again (one with other case, spacing and option order), and one duplicate within the import.
        var shuffled = Sample(_science, 5) with { Text = "  QUESTION   number 5? ", Options = ["d5", "c5", "B5", "a5"] };
        var second = await _store.ImportAsync([Sample(_science, 4), shuffled, Sample(_science, 6), Sample(_science, 6)]);

        Assert.Equal(new QuestionImportResult(5, 0), first);
        Assert.Equal(new QuestionImportResult(1, 3), second);
        Assert.Equal(6, await _db.CountAsync("questions"));
    }

    [Fact]
    public async Task ImportStoresTheHashOfTheNormalisedQuestion()
    {
        var question = Sample(_science, 1) with { Explanation = "Because.", Source = QuestionSource.Bedrock, Difficulty = QuestionDifficulty.Hard };
        await _store.ImportAsync([question]);

        var hash = QuestionHash.Compute(question.Text, question.Options);
        var id = await _db.ScalarAsync<Guid>("SELECT id FROM questions WHERE hash = $1", hash);
        var stored = await _store.GetByIdAsync(id);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(question.Options, stored.Options);
        Assert.Equal(1, stored.CorrectIndex);
        Assert.Equal(QuestionSource.Bedrock, stored.Source);
        Assert.Equal(QuestionDifficulty.Hard, stored.Difficulty);
        Assert.Equal("Because.", stored.Explanation);
        Assert.True(stored.IsActive);
    }

    [Fact]
    public async Task ALargeImportIsSentInChunksAndCountedExactly()
    {
        var result = await _store.ImportAsync([.. Enumerable.Range(1, 2_500).Select(n => Sample(_science, n))]);

        Assert.Equal(new QuestionImportResult(2_500, 0), result);
        Assert.Equal(2_500, await _db.CountAsync("questions"));
    }

    public static TheoryData<string> MalformedImports => ["three-options", "blank-option", "same-options", "index-4", "blank-text", "long-text", "bad-source", "bad-difficulty", "no-category", "long-explanation"];

    [Theory]
    [MemberData(nameof(MalformedImports))]
    public async Task AMalformedQuestionRejectsTheWholeImport(string flaw)
    {
        var good = Sample(_science, 1);
        var bad = flaw switch
        {
            "three-options" => Sample(_science, 2) with { Options = ["a", "b", "c"] },
            "blank-option" => Sample(_science, 2) with { Options = ["a", " ", "c", "d"] },
            "same-options" => Sample(_science, 2) with { Options = ["a", "A ", "c", "d"] },
            "index-4" => Sample(_science, 2) with { CorrectIndex = 4 },
            "blank-text" => Sample(_science, 2) with { Text = "  " },
            "long-text" => Sample(_science, 2) with { Text = new string('x', 1001) },
            "bad-source" => Sample(_science, 2) with { Source = (QuestionSource)9 },
            "bad-difficulty" => Sample(_science, 2) with { Difficulty = (QuestionDifficulty)9 },
            "no-category" => Sample(Guid.NewGuid(), 2),
            _ => Sample(_science, 2) with { Explanation = new string('x', 2001) },
        };

        await Assert.ThrowsAsync<DataValidationException>(() => _store.ImportAsync([good, bad]));

        Assert.Equal(0, await _db.CountAsync("questions"));
    }

    [Fact]
    public async Task AnEmptyImportIsAValidationError()
    {
        await Assert.ThrowsAsync<DataValidationException>(() => _store.ImportAsync([]));
        Assert.Equal(0, await _db.CountAsync("questions"));
    }

    [Fact]
    public async Task RandomPicksAreDistinctActiveAndSkipExcludedIds()
    {
        await _store.ImportAsync([.. Enumerable.Range(1, 30).Select(n => Sample(_science, n))]);
        var all = await _store.PickRandomAsync(_science, 50, []);
        var excluded = all.Take(15).Select(q => q.Id).ToList();
        await _store.DeactivateAsync(all[15].Id);

        var picked = await _store.PickRandomAsync(_science, 10, excluded);
        var rest = await _store.PickRandomAsync(_science, 50, excluded);

        Assert.Equal(30, all.Count);
        Assert.Equal(10, picked.Select(q => q.Id).Distinct().Count());
        Assert.All(picked, q => Assert.True(q.IsActive && q.CategoryId == _science && !excluded.Contains(q.Id)));
        Assert.Equal(14, rest.Count);
        Assert.DoesNotContain(rest, q => q.Id == all[15].Id);
        Assert.All(picked, q => Assert.Equal(4, q.Options.Count));
    }

    [Fact]
    public async Task RandomPicksVaryBetweenCalls()
    {
        await _store.ImportAsync([.. Enumerable.Range(1, 40).Select(n => Sample(_science, n))]);

        var seen = new HashSet<Guid>();
        for (var i = 0; i < 10; i++)
        {
            seen.UnionWith((await _store.PickRandomAsync(_science, 10, [])).Select(q => q.Id));
        }

        Assert.True(seen.Count > 20, $"only {seen.Count} distinct questions in 10 picks of 10 out of 40");
    }

    [Fact]
    public async Task MalformedPicksAreValidationErrors()
    {
        await Assert.ThrowsAsync<DataValidationException>(() => _store.PickRandomAsync(Guid.Empty, 10, []));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.PickRandomAsync(_science, 0, []));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.PickRandomAsync(_science, 51, []));
        await Assert.ThrowsAsync<DataValidationException>(() =>
            _store.PickRandomAsync(_science, 10, [.. Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid())]));
    }

    [Fact]
    public async Task DeactivatingIsIdempotentAndAnUnknownQuestionIsNotFound()
    {
        await _store.ImportAsync([Sample(_science, 1)]);
        var id = await _db.ScalarAsync<Guid>("SELECT id FROM questions");

        await _store.DeactivateAsync(id);
        await _store.DeactivateAsync(id);

        Assert.False((await _store.GetByIdAsync(id)).IsActive);
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.DeactivateAsync(Guid.NewGuid()));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.DeactivateAsync(Guid.Empty));
        await Assert.ThrowsAsync<DataNotFoundException>(() => _store.GetByIdAsync(Guid.NewGuid()));
        Assert.Equal(1, await _db.CountAsync("questions"));
    }
}
