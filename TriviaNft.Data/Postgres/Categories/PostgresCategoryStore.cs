using Dapper;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Categories;

/// <summary>PostgreSQL implementation of <see cref="ICategoryStore"/>.</summary>
public sealed class PostgresCategoryStore(TriviaNftDatabase database) : ICategoryStore
{
    private const string Columns = "id, name, slug, description, icon_url, is_active, display_order";

    /// <inheritdoc />
    public Task<IReadOnlyList<Category>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            SELECT {Columns} FROM categories
            WHERE is_active
            ORDER BY display_order, name
            """;
        return Db.ReadAsync<IReadOnlyList<Category>>(database.Reader, async connection =>
            [.. await connection.QueryAsync<Category>(new CommandDefinition(sql, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Category> GetBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        Guard.Slug(slug);
        const string sql = $"SELECT {Columns} FROM categories WHERE slug = @slug";
        var category = await Db.ReadAsync(database.Reader, connection =>
                connection.QuerySingleOrDefaultAsync<Category>(new CommandDefinition(sql, new { slug }, cancellationToken: cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        return category ?? throw new DataNotFoundException("category", slug);
    }
}
