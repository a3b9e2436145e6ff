namespace TriviaNft.Data.Redis.Leaderboards;

/// <summary>The outcome of comparing a Redis board with SQL.</summary>
/// <param name="Board">The board checked.</param>
/// <param name="Compared">Ranks that matched before the first difference (all of them when it matches).</param>
/// <param name="MismatchRank">The 1-based rank of the first difference; null when the board matches.</param>
/// <param name="Expected">What SQL has at that rank (null: SQL has fewer wallets).</param>
/// <param name="Actual">What Redis has at that rank (null: Redis has fewer wallets).</param>
public sealed record LeaderboardCheckResult(
    LeaderboardId Board, long Compared, long? MismatchRank, LeaderboardStanding? Expected, LeaderboardStanding? Actual)
{
    /// <summary>True when Redis holds exactly the SQL board, in the same order.</summary>
    public bool IsMatch => MismatchRank is null;

    /// <inheritdoc />
    public override string ToString() => IsMatch
        ? $"{Board}: OK, {Compared} wallets in the same order"
        : $"{Board}: first difference at rank {MismatchRank}: SQL {Expected?.ToString() ?? "(none)"}, Redis {Actual?.ToString() ?? "(none)"}";
}
