using Dapper;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Sessions;

/// <summary>PostgreSQL implementation of <see cref="ISessionStore"/>.</summary>
/// <param name="database">The endpoints.</param>
/// <param name="rules">The game's numbers; <see cref="GameRules.Default"/> when null.</param>
/// <param name="timeProvider">The clock for eligibility expiry; <see cref="TimeProvider.System"/> when null.</param>
public sealed partial class PostgresSessionStore(TriviaNftDatabase database, GameRules? rules = null, TimeProvider? timeProvider = null)
    : ISessionStore
{
    private readonly GameRules _rules = (rules ?? GameRules.Default).EnsureValid();
    private readonly TimeProvider _clock = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public Task<IReadOnlyList<SessionSummary>> ListForPlayerAsync(
        Guid playerId, int limit = 20, PageCursor? before = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(playerId, "sessions.player_id", "The player id");
        Guard.Limit(limit);
        var beforeAt = before is null ? (DateTimeOffset?)null : Guard.Instant(before.At, "page.before", "The cursor's instant").ToUniversalTime();
        // idx_sessions_player (player_id, started_at DESC); the keyset is written out so the index bounds it.
        const string sql = """
            SELECT id, player_id, stake_key, anon_id, category_id, status, started_at, ended_at, score, total_ms
            FROM sessions
            WHERE player_id = @playerId
              AND (@beforeAt::timestamptz IS NULL
                   OR started_at < @beforeAt OR (started_at = @beforeAt AND id < @beforeId))
            ORDER BY started_at DESC, id DESC
            LIMIT @limit
            """;
        // UTC: the driver writes timestamptz only from offset-0 values (a nullable one bypasses the Dapper handler).
        var parameters = new { playerId, limit, beforeAt, beforeId = before?.Id };
        return Db.ReadAsync<IReadOnlyList<SessionSummary>>(database.Reader, async connection =>
                [.. await connection.QueryAsync<SessionSummary>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CategoryPerfectCount>> CountPerfectByCategoryAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        Guard.Id(playerId, "sessions.player_id", "The player id");
        // idx_sessions_perfect is partial on score = 10; the parameter is planned as a constant (one-shot plans,
        // no server-side prepare behind the proxy), so the index serves it.
        const string sql = """
            SELECT category_id, count(*)::int AS perfect_sessions
            FROM sessions
            WHERE player_id = @playerId AND score = @perfectScore AND status <> 'forfeit'
            GROUP BY category_id
            ORDER BY category_id
            """;
        var parameters = new { playerId, perfectScore = _rules.QuestionsPerSession };
        return Db.ReadAsync<IReadOnlyList<CategoryPerfectCount>>(database.Reader, async connection =>
                [.. await connection.QueryAsync<CategoryPerfectCount>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
    }
}
