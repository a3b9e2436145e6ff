namespace TriviaNft.Data.Postgres.Mints;

/// <summary>A minting operation: exactly one per eligibility (a retry resets the same row).</summary>
public sealed record Mint
{
    /// <summary>The mint's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The eligibility being spent.</summary>
    public Guid EligibilityId { get; init; }

    /// <summary>The catalog item (artwork and metadata) being minted; held while the mint is pending.</summary>
    public Guid CatalogId { get; init; }

    /// <summary>The minting player.</summary>
    public Guid PlayerId { get; init; }

    /// <summary>The destination wallet.</summary>
    public required string StakeKey { get; init; }

    /// <summary>Pending, confirmed or failed.</summary>
    public MintStatus Status { get; init; }

    /// <summary>The minting transaction (64 hex), once confirmed.</summary>
    public string? TxHash { get; init; }

    /// <summary>The minting policy (56 hex), once confirmed.</summary>
    public string? PolicyId { get; init; }

    /// <summary>The CIP-14 asset fingerprint, once confirmed.</summary>
    public string? AssetFingerprint { get; init; }

    /// <summary>The on-chain asset name, once confirmed.</summary>
    public string? TokenName { get; init; }

    /// <summary>The IPFS CID of the artwork, copied from the catalog item.</summary>
    public string? IpfsCid { get; init; }

    /// <summary>Why the last attempt failed.</summary>
    public string? Error { get; init; }

    /// <summary>When the mint was confirmed.</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>When the mint was first requested.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
