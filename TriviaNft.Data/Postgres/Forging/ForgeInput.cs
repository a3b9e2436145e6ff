namespace TriviaNft.Data.Postgres.Forging;

/// <summary>An input NFT as the create transaction locked it.</summary>
internal sealed record ForgeInput
{
    public required string AssetFingerprint { get; init; }

    public required string StakeKey { get; init; }

    public Guid? CategoryId { get; init; }

    public required string Tier { get; init; }

    public required string Status { get; init; }

    /// <summary>Minted within the requested season or its grace days; null when no season was requested.</summary>
    public bool? InSeason { get; init; }
}
