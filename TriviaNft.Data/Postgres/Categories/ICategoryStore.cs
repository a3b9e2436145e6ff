namespace TriviaNft.Data.Postgres.Categories;

/// <summary>Reads the trivia categories.</summary>
public interface ICategoryStore
{
    /// <summary>The active categories in display order (from the reader: the list changes rarely).</summary>
    Task<IReadOnlyList<Category>> ListActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>The category with <paramref name="slug"/>.</summary>
    /// <exception cref="Errors.DataNotFoundException">No category has that slug.</exception>
    /// <exception cref="Errors.DataValidationException">The slug is malformed.</exception>
    Task<Category> GetBySlugAsync(string slug, CancellationToken cancellationToken = default);
}
