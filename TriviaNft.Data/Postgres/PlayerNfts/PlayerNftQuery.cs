using TriviaNft.Data.Postgres.Catalog;

namespace TriviaNft.Data.Postgres.PlayerNfts;

/// <summary>Which of a wallet's NFTs to list, and which page.</summary>
public sealed record PlayerNftQuery
{
    /// <summary>Only this category; null for all.</summary>
    public Guid? CategoryId { get; init; }

    /// <summary>Only this tier; null for all.</summary>
    public NftTier? Tier { get; init; }

    /// <summary>Only this status; confirmed (held) by default, null for all.</summary>
    public NftStatus? Status { get; init; } = NftStatus.Confirmed;

    /// <summary>How many NFTs to skip (newest first).</summary>
    public int Offset { get; init; }

    /// <summary>The page size: 1 to the store's maximum; null for the store's default.</summary>
    public int? Limit { get; init; }
}
