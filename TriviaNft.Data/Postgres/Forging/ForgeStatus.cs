namespace TriviaNft.Data.Postgres.Forging;

/// <summary>Where a forge is in its life (stored as lowercase text).</summary>
public enum ForgeStatus
{
    /// <summary>Submitted; its inputs cannot join another forge.</summary>
    Pending,

    /// <summary>On chain: the inputs are burned and the output recorded.</summary>
    Confirmed,

    /// <summary>Failed; the inputs are free again.</summary>
    Failed,
}
