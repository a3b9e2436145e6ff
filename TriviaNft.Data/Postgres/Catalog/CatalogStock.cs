namespace TriviaNft.Data.Postgres.Catalog;

/// <summary>The stock of catalog items of one category and tier.</summary>
public sealed record CatalogStock
{
    /// <summary>The category; null for master and seasonal items, which belong to no category.</summary>
    public Guid? CategoryId { get; init; }

    /// <summary>The tier.</summary>
    public NftTier Tier { get; init; }

    /// <summary>Items not minted yet (<c>is_minted = false</c>): stock is consumed only when a mint is confirmed.</summary>
    public int Unminted { get; init; }

    /// <summary>Unminted items not held by a pending mint either: what a new mint can still take.</summary>
    public int Available { get; init; }
}
