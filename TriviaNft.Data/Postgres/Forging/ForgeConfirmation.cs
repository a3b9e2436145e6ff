namespace TriviaNft.Data.Postgres.Forging;

/// <summary>What the chain reported for a confirmed forge.</summary>
public sealed record ForgeConfirmation
{
    /// <summary>The transaction that burned the inputs: 64 lowercase hex.</summary>
    public required string BurnTxHash { get; init; }

    /// <summary>The transaction that minted the output: 64 lowercase hex.</summary>
    public required string MintTxHash { get; init; }

    /// <summary>The output's CIP-14 fingerprint.</summary>
    public required string OutputAssetFingerprint { get; init; }

    /// <summary>The output's policy id: 56 lowercase hex.</summary>
    public required string OutputPolicyId { get; init; }

    /// <summary>The output's asset name: 1 to 64 characters.</summary>
    public required string OutputTokenName { get; init; }

    /// <summary>The output's metadata as a JSON object; null for none.</summary>
    public string? Metadata { get; init; }
}
