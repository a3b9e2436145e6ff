using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Faults;

/// <summary>What PostgreSQL holds after a fault, read directly from the writer: the scenario's assertions and figures.</summary>
internal static class FaultChecks
{
    /// <summary>How many of <paramref name="sessionIds"/> are recorded.</summary>
    public static Task<long> RecordedAsync(MigratedDatabase db, IEnumerable<Guid> sessionIds) =>
        db.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE id = ANY($1)", (object)sessionIds.ToArray());

    /// <summary>Sessions recorded that no player ever tried to complete: must be none.</summary>
    public static Task<long> PhantomsAsync(MigratedDatabase db, IEnumerable<Guid> triedIds) =>
        db.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE NOT id = ANY($1)", (object)triedIds.ToArray());

    /// <summary>
    /// Wallets whose season points disagree with their recorded sessions (a session counted twice or half): must be
    /// none. Points are 1 per correct answer plus 10 for a perfect session; every session counts once in sessions_used.
    /// </summary>
    public static Task<long> MiscountedWalletsAsync(MigratedDatabase db) => db.ScalarAsync<long>("""
        SELECT count(*)
        FROM (SELECT stake_key, count(*) AS n, sum(score + CASE WHEN score = 10 AND status <> 'forfeit' THEN 10 ELSE 0 END) AS points
              FROM sessions GROUP BY stake_key) s
        FULL JOIN season_points sp USING (stake_key)
        WHERE sp.sessions_used IS DISTINCT FROM s.n OR sp.points IS DISTINCT FROM s.points
        """);

    /// <summary>Pairs of one player's sessions that overlap in time (two active sessions at once): must be none.</summary>
    public static Task<long> OverlappingSessionsAsync(MigratedDatabase db) => db.ScalarAsync<long>("""
        SELECT count(*) FROM sessions a JOIN sessions b
          ON a.player_id = b.player_id AND a.id < b.id AND a.started_at < b.ended_at AND b.started_at < a.ended_at
        """);

    /// <summary>The most sessions any one player has recorded.</summary>
    public static Task<long> MostSessionsOfAPlayerAsync(MigratedDatabase db) =>
        db.ScalarAsync<long>("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM sessions GROUP BY player_id) s");
}
