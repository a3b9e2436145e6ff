namespace TriviaNft.Data.Postgres.Mints;

/// <summary>What the chain reported for a confirmed mint.</summary>
public sealed record MintConfirmation
{
    /// <summary>The minting transaction: 64 lowercase hex characters.</summary>
    public required string TxHash { get; init; }

    /// <summary>The minting policy: 56 lowercase hex characters.</summary>
    public required string PolicyId { get; init; }

    /// <summary>The CIP-14 fingerprint: <c>asset1</c> and 38 lowercase letters or digits.</summary>
    public required string AssetFingerprint { get; init; }

    /// <summary>The asset name: 1 to 64 characters.</summary>
    public required string TokenName { get; init; }

    /// <summary>The NFT's metadata as a JSON object (CIP-25); null takes the catalog item's attributes.</summary>
    public string? Metadata { get; init; }
}
