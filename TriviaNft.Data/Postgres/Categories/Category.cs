namespace TriviaNft.Data.Postgres.Categories;

/// <summary>A trivia category (Science, History, …).</summary>
public sealed record Category
{
    /// <summary>The category's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Display name, unique.</summary>
    public required string Name { get; init; }

    /// <summary>URL-safe key, unique: lowercase letters, digits and '-'.</summary>
    public required string Slug { get; init; }

    /// <summary>Short description for the category picker.</summary>
    public string? Description { get; init; }

    /// <summary>Icon shown next to the name.</summary>
    public string? IconUrl { get; init; }

    /// <summary>Inactive categories are hidden from players.</summary>
    public bool IsActive { get; init; }

    /// <summary>Position in the picker, ascending.</summary>
    public int DisplayOrder { get; init; }
}
