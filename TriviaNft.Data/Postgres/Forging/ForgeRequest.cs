namespace TriviaNft.Data.Postgres.Forging;

/// <summary>A request to forge <see cref="InputFingerprints"/> into an Ultimate.</summary>
public sealed record ForgeRequest
{
    /// <summary>What to forge.</summary>
    public ForgeType Type { get; init; }

    /// <summary>The wallet that owns the inputs.</summary>
    public required string StakeKey { get; init; }

    /// <summary>Required for a category forge; null otherwise.</summary>
    public Guid? CategoryId { get; init; }

    /// <summary>Required for a season forge; null otherwise.</summary>
    public string? SeasonId { get; init; }

    /// <summary>The CIP-14 fingerprints of the NFTs to burn, each once.</summary>
    public required IReadOnlyList<string> InputFingerprints { get; init; }
}
