namespace TriviaNft.Data.Postgres.QuestionFlags;

/// <summary>A player's report about a question, and its moderation state.</summary>
public sealed record QuestionFlag
{
    /// <summary>The flag's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The flagged question.</summary>
    public Guid QuestionId { get; init; }

    /// <summary>The reporting player.</summary>
    public Guid PlayerId { get; init; }

    /// <summary>Why the player flagged it.</summary>
    public required string Reason { get; init; }

    /// <summary>True once a moderator resolved it.</summary>
    public bool Handled { get; init; }

    /// <summary>The moderator who resolved it (null if unhandled, or if the moderator's row was deleted).</summary>
    public Guid? HandledBy { get; init; }

    /// <summary>When it was resolved.</summary>
    public DateTimeOffset? HandledAt { get; init; }

    /// <summary>When it was reported.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
