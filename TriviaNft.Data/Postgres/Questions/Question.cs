namespace TriviaNft.Data.Postgres.Questions;

/// <summary>A multiple-choice question with four options.</summary>
public sealed record Question
{
    /// <summary>The question's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The category it belongs to.</summary>
    public Guid CategoryId { get; init; }

    /// <summary>The question text.</summary>
    public required string Text { get; init; }

    /// <summary>Exactly four answer options, in display order.</summary>
    public required IReadOnlyList<string> Options { get; init; }

    /// <summary>Index of the correct option, 0..3.</summary>
    public int CorrectIndex { get; init; }

    /// <summary>Shown after the answer, optional.</summary>
    public string? Explanation { get; init; }

    /// <summary>Where the question came from.</summary>
    public QuestionSource Source { get; init; }

    /// <summary>How hard it is.</summary>
    public QuestionDifficulty Difficulty { get; init; }

    /// <summary>SHA-256 of the normalised text and options (<see cref="QuestionHash"/>), unique.</summary>
    public required string Hash { get; init; }

    /// <summary>Inactive questions are never served.</summary>
    public bool IsActive { get; init; }

    /// <summary>When the question was added.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
