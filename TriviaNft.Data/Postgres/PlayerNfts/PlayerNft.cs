using TriviaNft.Data.Postgres.Catalog;

namespace TriviaNft.Data.Postgres.PlayerNfts;

/// <summary>An NFT held (or once held, when burned) by a wallet.</summary>
public sealed record PlayerNft
{
    /// <summary>The row's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The owning wallet.</summary>
    public required string StakeKey { get; init; }

    /// <summary>The minting policy (56 hex).</summary>
    public required string PolicyId { get; init; }

    /// <summary>The CIP-14 asset fingerprint, unique.</summary>
    public required string AssetFingerprint { get; init; }

    /// <summary>The on-chain asset name.</summary>
    public required string TokenName { get; init; }

    /// <summary>Minted or forged.</summary>
    public NftSource Source { get; init; }

    /// <summary>The category; null for master and seasonal NFTs.</summary>
    public Guid? CategoryId { get; init; }

    /// <summary>The season it was earned in, when known.</summary>
    public string? SeasonId { get; init; }

    /// <summary>The tier.</summary>
    public NftTier Tier { get; init; }

    /// <summary>Confirmed or burned.</summary>
    public NftStatus Status { get; init; }

    /// <summary>When it was minted : what "earned during a season" is measured by.</summary>
    public DateTimeOffset MintedAt { get; init; }

    /// <summary>When it was burned .</summary>
    public DateTimeOffset? BurnedAt { get; init; }

    /// <summary>The CIP-25 metadata, a JSON object.</summary>
    public required string Metadata { get; init; }
}
