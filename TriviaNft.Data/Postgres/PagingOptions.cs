namespace TriviaNft.Data.Postgres;

/// <summary>Page limits of the listing stores (owned NFTs, leaderboards, snapshots).</summary>
public sealed record PagingOptions
{
    /// <summary>The defaults.</summary>
    public static PagingOptions Default { get; } = new();

    /// <summary>The largest page a caller may ask for.</summary>
    public int MaxPageSize { get; init; } = 200;

    /// <summary>The page size when the caller gives none (capped at <see cref="MaxPageSize"/>).</summary>
    public int DefaultPageSize { get; init; } = 50;

    /// <summary>The page size to use for <paramref name="requested"/> (null: the default).</summary>
    internal int Limit(int? requested) => requested ?? Math.Min(DefaultPageSize, MaxPageSize);

    /// <summary>Refuses page sizes below one.</summary>
    internal PagingOptions Checked()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPageSize, 1, nameof(MaxPageSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(DefaultPageSize, 1, nameof(DefaultPageSize));
        return this;
    }
}
