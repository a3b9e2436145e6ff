using Dapper;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Privacy;

public sealed partial class PostgresPrivacyStore
{
    /// <inheritdoc />
    public async Task<GuestPurgeResult> PurgeInactiveGuestsAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = _time.GetUtcNow() - _options.GuestRetention;
        // idx_players_guest_last_seen finds the oldest guests; SKIP LOCKED leaves a guest who is being updated (seen
        // again) to the next run, and the lock re-checks last_seen_at on the row's latest version.
        const string sql = """
            WITH doomed AS (
                SELECT id FROM players
                WHERE stake_key IS NULL AND last_seen_at < @cutoff
                ORDER BY last_seen_at
                LIMIT @batchSize
                FOR UPDATE SKIP LOCKED
            ), deleted AS (
                DELETE FROM players p USING doomed d WHERE p.id = d.id RETURNING p.id
            )
            SELECT (SELECT count(*) FROM deleted)::int AS players,
                   (SELECT count(*) FROM sessions s WHERE s.player_id IN (SELECT id FROM doomed))::int AS sessions
            """;
        int players = 0, sessions = 0, batches = 0;
        var complete = false;
        while (!complete && batches < _options.MaxPurgeBatches)
        {
            // Each batch commits on its own: a stopped run keeps what it purged, and the next run continues.
            var (deleted, theirSessions) = await Db.WriteAsync(database.Writer, (connection, transaction) =>
                connection.QuerySingleAsync<(int Players, int Sessions)>(new CommandDefinition(
                    sql, new { cutoff, batchSize = _options.PurgeBatchSize }, transaction, cancellationToken: cancellationToken)),
                cancellationToken).ConfigureAwait(false);
            batches++;
            players += deleted;
            sessions += theirSessions;
            complete = deleted < _options.PurgeBatchSize;
        }

        return new GuestPurgeResult { Cutoff = cutoff, PlayersDeleted = players, SessionsDeleted = sessions, Batches = batches, Complete = complete };
    }
}
