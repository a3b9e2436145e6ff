namespace TriviaNft.Data.Redis.Leaderboards;

/// <summary>What a rebuild did.</summary>
/// <param name="Board">The board rebuilt.</param>
/// <param name="Count">Wallets written by the rebuild.</param>
/// <param name="CaughtUp">Wallets re-applied afterwards because they changed while it ran.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record LeaderboardRebuildResult(LeaderboardId Board, long Count, long CaughtUp, TimeSpan Elapsed)
{
    /// <summary>Of <see cref="Elapsed"/>: reading the source from PostgreSQL, encoding and sorting it in memory.</summary>
    public TimeSpan ReadElapsed { get; init; }

    /// <summary>Of <see cref="Elapsed"/>: writing the temporary keys to Redis and swapping them in.</summary>
    public TimeSpan WriteElapsed { get; init; }

    /// <summary>Of <see cref="Elapsed"/>: re-applying the wallets that changed while the rebuild ran.</summary>
    public TimeSpan CatchUpElapsed { get; init; }
}
