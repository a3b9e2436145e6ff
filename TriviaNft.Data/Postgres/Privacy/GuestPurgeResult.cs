namespace TriviaNft.Data.Postgres.Privacy;

/// <summary>What a guest retention purge deleted.</summary>
public sealed record GuestPurgeResult
{
    /// <summary>Guests last seen before this were purged (UTC).</summary>
    public DateTimeOffset Cutoff { get; init; }

    /// <summary>Guest players deleted.</summary>
    public int PlayersDeleted { get; init; }

    /// <summary>Their sessions, deleted with them.</summary>
    public int SessionsDeleted { get; init; }

    /// <summary>Transactions used.</summary>
    public int Batches { get; init; }

    /// <summary>False when the run stopped at <see cref="PrivacyOptions.MaxPurgeBatches"/> with guests left to purge.</summary>
    public bool Complete { get; init; }
}
