namespace TriviaNft.Data.Postgres.Privacy;

/// <summary>Data retention settings (design.md §12).</summary>
public sealed record PrivacyOptions
{
    /// <summary>The defaults.</summary>
    public static PrivacyOptions Default { get; } = new();

    /// <summary>A guest (no wallet) not seen for longer than this is purged with their sessions.</summary>
    public TimeSpan GuestRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Guests deleted per transaction: keeps each transaction, and the locks it holds, short.</summary>
    public int PurgeBatchSize { get; init; } = 500;

    /// <summary>Batches per purge run at most; the next run continues where this one stopped.</summary>
    public int MaxPurgeBatches { get; init; } = 100;

    /// <summary>Refuses settings that would purge everyone or never make progress.</summary>
    internal PrivacyOptions Checked()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(GuestRetention, TimeSpan.Zero, nameof(GuestRetention));
        ArgumentOutOfRangeException.ThrowIfLessThan(PurgeBatchSize, 1, nameof(PurgeBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPurgeBatches, 1, nameof(MaxPurgeBatches));
        return this;
    }
}
