namespace TriviaNft.Data.Postgres.Mints;

/// <summary>Tunables of <see cref="PostgresMintStore"/>.</summary>
public sealed record MintOptions
{
    /// <summary>The defaults.</summary>
    public static MintOptions Default { get; } = new();

    /// <summary>
    /// How often one request picks another catalog item after losing the one it picked to a concurrent mint
    /// (a narrow race between two statements); then it gives up with a concurrency error.
    /// </summary>
    public int MaxPickAttempts { get; init; } = 5;

    /// <summary>Refuses a setting that would never pick an item.</summary>
    internal MintOptions Checked()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPickAttempts, 1, nameof(MaxPickAttempts));
        return this;
    }
}
