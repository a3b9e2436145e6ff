namespace TriviaNft.Data.Postgres.Privacy;

/// <summary>What an erasure removed or anonymised, by table.</summary>
public sealed record ErasureResult
{
    /// <summary>False when there was no such player: already erased, or never existed (nothing was done).</summary>
    public bool PlayerFound { get; init; }

    /// <summary>Rows deleted (or, for <c>leaderboard_snapshots</c>, anonymised) per table.</summary>
    public IReadOnlyDictionary<string, int> Rows { get; init; } = new Dictionary<string, int>();
}
