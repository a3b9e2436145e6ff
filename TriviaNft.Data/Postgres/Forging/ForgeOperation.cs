namespace TriviaNft.Data.Postgres.Forging;

/// <summary>A forge: input NFTs burned into one Ultimate.</summary>
public sealed record ForgeOperation
{
    /// <summary>The forge's id.</summary>
    public Guid Id { get; init; }

    /// <summary>Category, master or season.</summary>
    public ForgeType Type { get; init; }

    /// <summary>The wallet that owns the inputs and receives the output.</summary>
    public required string StakeKey { get; init; }

    /// <summary>The category of a category forge.</summary>
    public Guid? CategoryId { get; init; }

    /// <summary>The season of a season forge.</summary>
    public string? SeasonId { get; init; }

    /// <summary>The CIP-14 fingerprints of the inputs.</summary>
    public IReadOnlyList<string> InputFingerprints { get; init; } = [];

    /// <summary>The burning transaction, once confirmed.</summary>
    public string? BurnTxHash { get; init; }

    /// <summary>The minting transaction of the output, once confirmed.</summary>
    public string? MintTxHash { get; init; }

    /// <summary>The output's fingerprint, once confirmed.</summary>
    public string? OutputAssetFingerprint { get; init; }

    /// <summary>Pending, confirmed or failed.</summary>
    public ForgeStatus Status { get; init; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; init; }

    /// <summary>When it was confirmed .</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>When it was requested .</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
