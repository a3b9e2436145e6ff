using Dapper;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Eligibilities;

/// <summary>PostgreSQL implementation of <see cref="IEligibilityStore"/>.</summary>
/// <param name="database">The endpoints.</param>
/// <param name="timeProvider">
/// The clock that decides whether an eligibility is still inside its window (the same clock that set
/// <c>expires_at</c> when the session was recorded); <see cref="TimeProvider.System"/> when null.
/// </param>
public sealed class PostgresEligibilityStore(TriviaNftDatabase database, TimeProvider? timeProvider = null) : IEligibilityStore
{
    private readonly TimeProvider _clock = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public Task<IReadOnlyList<Eligibility>> ListActiveAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        Guard.Id(playerId, "eligibilities.player_id", "The player id");
        // idx_eligibilities_active (player_id, status, expires_at) WHERE status = 'active'. The writer: a grant
        // made a moment ago by a session must show.
        const string sql = $"""
            SELECT {EligibilitySql.Columns} FROM eligibilities
            WHERE player_id = @playerId AND status = 'active' AND expires_at > @now
            ORDER BY expires_at, id
            """;
        return Db.ReadAsync<IReadOnlyList<Eligibility>>(database.Writer, async connection =>
                [.. await connection.QueryAsync<Eligibility>(new CommandDefinition(sql, new { playerId, now = _clock.GetUtcNow().ToPostgres() }, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Eligibility> ConsumeAsync(Guid eligibilityId, Guid playerId, CancellationToken cancellationToken = default)
    {
        Guard.Id(eligibilityId, "eligibilities.id", "The eligibility id");
        Guard.Id(playerId, "eligibilities.player_id", "The player id");
        const string readSql = $"SELECT {EligibilitySql.Columns} FROM eligibilities WHERE id = @eligibilityId AND player_id = @playerId";
        return await Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            var parameters = new { eligibilityId, playerId, now = _clock.GetUtcNow().ToPostgres() };
            var consumed = await connection.QuerySingleOrDefaultAsync<Eligibility>(
                new CommandDefinition(EligibilitySql.Consume, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (consumed is not null)
            {
                return consumed;
            }

            // Why not: a fresh statement, so it sees a concurrent consumer's commit.
            var current = await connection.QuerySingleOrDefaultAsync<Eligibility>(
                new CommandDefinition(readSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            throw current switch
            {
                null => new DataNotFoundException("eligibility", eligibilityId.ToString()),
                { Status: EligibilityStatus.Used } => new DataConflictException("eligibility.already-used", "This eligibility has already been used."),
                _ => new DataConflictException("eligibility.expired", "This eligibility has expired."),
            };
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> ExpireOverdueAsync(int batchSize = 500, int maxBatches = 100, CancellationToken cancellationToken = default)
    {
        Guard.Range(batchSize, "eligibilities.expire", "The batch size", 1, 10_000);
        Guard.Range(maxBatches, "eligibilities.expire", "The number of batches", 1, 1_000);
        // idx_eligibilities_expiring; SKIP LOCKED: rows a session or a consumer holds right now are left for the
        // next run instead of blocking this one. The batch is picked once in a MATERIALIZED CTE: as an IN (…)
        // subquery the planner may rescan it, and each rescan skips the rows this statement just updated and
        // picks new ones, so LIMIT would not bound the batch (a test caught exactly that).
        const string sql = """
            WITH overdue AS MATERIALIZED (
                SELECT id FROM eligibilities
                WHERE status = 'active' AND expires_at <= @now
                ORDER BY expires_at
                LIMIT @batchSize
                FOR UPDATE SKIP LOCKED)
            UPDATE eligibilities e SET status = 'expired'
            FROM overdue
            WHERE e.id = overdue.id AND e.status = 'active'
            """;
        var now = _clock.GetUtcNow().ToPostgres();
        var total = 0;
        for (var batch = 0; batch < maxBatches; batch++)
        {
            var expired = await Db.WriteAsync(database.Writer, (connection, transaction) =>
                    connection.ExecuteAsync(new CommandDefinition(sql, new { batchSize, now }, transaction, cancellationToken: cancellationToken)),
                cancellationToken).ConfigureAwait(false);
            total += expired;
            if (expired < batchSize)
            {
                break;
            }
        }

        return total;
    }
}
