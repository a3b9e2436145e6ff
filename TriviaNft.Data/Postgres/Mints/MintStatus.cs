namespace TriviaNft.Data.Postgres.Mints;

/// <summary>Where a mint is in its life (stored as lowercase text).</summary>
public enum MintStatus
{
    /// <summary>Submitted to the chain, not confirmed yet; holds its catalog item.</summary>
    Pending,

    /// <summary>On chain: the NFT is recorded, the catalog item consumed and the eligibility used.</summary>
    Confirmed,

    /// <summary>Failed; the catalog item is released and the eligibility may be retried within its window.</summary>
    Failed,
}
