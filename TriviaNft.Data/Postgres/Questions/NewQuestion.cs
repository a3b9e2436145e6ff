namespace TriviaNft.Data.Postgres.Questions;

/// <summary>A question to import; its hash is computed by the store (<see cref="QuestionHash"/>).</summary>
public sealed record NewQuestion
{
    /// <summary>The category it belongs to (must exist).</summary>
    public Guid CategoryId { get; init; }

    /// <summary>The question text, 1..1000 characters, not blank.</summary>
    public required string Text { get; init; }

    /// <summary>Exactly four distinct, non-blank options.</summary>
    public required IReadOnlyList<string> Options { get; init; }

    /// <summary>Index of the correct option, 0..3.</summary>
    public int CorrectIndex { get; init; }

    /// <summary>Optional explanation, at most 2000 characters.</summary>
    public string? Explanation { get; init; }

    /// <summary>Where the question came from.</summary>
    public QuestionSource Source { get; init; } = QuestionSource.Manual;

    /// <summary>How hard it is.</summary>
    public QuestionDifficulty Difficulty { get; init; } = QuestionDifficulty.Medium;
}
