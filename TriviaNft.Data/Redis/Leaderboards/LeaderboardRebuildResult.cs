namespace TriviaNft.Data.Redis.Leaderboards;

/// <summary>What a rebuild did.</summary>
/// <param name="Board">The board rebuilt.</param>
/// <param name="Count">Wallets written by the rebuild.</param>
/// <param name="CaughtUp">Wallets re-applied afterwards because they changed while it ran.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record LeaderboardRebuildResult(LeaderboardId Board, long Count, long CaughtUp, TimeSpan Elapsed);
