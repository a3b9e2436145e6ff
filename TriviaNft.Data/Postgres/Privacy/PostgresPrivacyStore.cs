using System.Text.Json;
using Dapper;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Privacy;

/// <summary>PostgreSQL implementation of <see cref="IPrivacyStore"/>.</summary>
/// <param name="database">The endpoints: an export must include the latest writes, so everything uses the writer.</param>
/// <param name="options">Retention settings; <see cref="PrivacyOptions.Default"/> when null.</param>
/// <param name="timeProvider">The clock the retention cutoff is computed from; the system clock when null.</param>
public sealed partial class PostgresPrivacyStore(
    TriviaNftDatabase database, PrivacyOptions? options = null, TimeProvider? timeProvider = null) : IPrivacyStore
{
    private readonly PrivacyOptions _options = (options ?? PrivacyOptions.Default).Checked();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task<JsonElement> ExportAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        Guard.Id(playerId, "players.id", "The player id");
        // One statement, so one snapshot: the document is consistent even while the player keeps playing.
        const string sql = """
            SELECT json_build_object(
                'format', 'trivianft-player-export/1',
                'exported_at', now(),
                'player', to_json(p),
                'sessions', COALESCE((SELECT json_agg(s ORDER BY s.started_at, s.id) FROM sessions s WHERE s.player_id = p.id), '[]'),
                'eligibilities', COALESCE((SELECT json_agg(e ORDER BY e.created_at, e.id) FROM eligibilities e WHERE e.player_id = p.id), '[]'),
                'mints', COALESCE((SELECT json_agg(m ORDER BY m.created_at, m.id) FROM mints m WHERE m.player_id = p.id), '[]'),
                'question_flags', COALESCE((SELECT json_agg(f ORDER BY f.created_at, f.id) FROM question_flags f WHERE f.player_id = p.id), '[]'),
                'handled_question_flags', COALESCE((SELECT json_agg(f ORDER BY f.handled_at, f.id) FROM question_flags f WHERE f.handled_by = p.id), '[]'),
                'player_nfts', COALESCE((SELECT json_agg(n ORDER BY n.minted_at, n.id) FROM player_nfts n WHERE n.stake_key = p.stake_key), '[]'),
                'forge_operations', COALESCE((SELECT json_agg(o ORDER BY o.created_at, o.id) FROM forge_operations o WHERE o.stake_key = p.stake_key), '[]'),
                'season_points', COALESCE((SELECT json_agg(sp ORDER BY sp.season_id) FROM season_points sp WHERE sp.stake_key = p.stake_key), '[]'),
                'leaderboard_snapshots', COALESCE((SELECT json_agg(l ORDER BY l.season_id, l.snapshot_date) FROM leaderboard_snapshots l WHERE l.stake_key = p.stake_key), '[]')
            )::text
            FROM players p
            WHERE p.id = @playerId
            """;
        var json = await Db.ReadAsync(database.Writer, connection => connection.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(sql, new { playerId }, cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false)
            ?? throw new DataNotFoundException("player", playerId.ToString());
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
