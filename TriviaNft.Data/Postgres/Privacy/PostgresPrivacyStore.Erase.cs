using Dapper;
using Npgsql;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Privacy;

public sealed partial class PostgresPrivacyStore
{
    /// <inheritdoc />
    public Task<ErasureResult> EraseAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        Guard.Id(playerId, "players.id", "The player id");
        // Locking the row makes a concurrent erasure of the same player wait, then find nothing.
        const string lockPlayer = "SELECT stake_key FROM players WHERE id = @playerId FOR UPDATE";
        return Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            var found = (await connection.QueryAsync<string?>(new CommandDefinition(
                lockPlayer, new { playerId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            return found.Count == 0
                ? new ErasureResult { PlayerFound = false }
                : new ErasureResult
                {
                    PlayerFound = true,
                    Rows = await EraseRowsAsync(connection, transaction, playerId, found[0], cancellationToken).ConfigureAwait(false),
                };
        }, cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, int>> EraseRowsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid playerId, string? stakeKey, CancellationToken cancellationToken)
    {
        await using var batch = connection.Batch(transaction);
        // Counted first: these rows go with the player row (ON DELETE CASCADE), after this statement ran.
        batch.Add("""
            SELECT (SELECT count(*) FROM sessions WHERE player_id = @playerId)::int,
                   (SELECT count(*) FROM eligibilities WHERE player_id = @playerId)::int,
                   (SELECT count(*) FROM mints WHERE player_id = @playerId)::int,
                   (SELECT count(*) FROM question_flags WHERE player_id = @playerId)::int,
                   (SELECT count(*) FROM question_flags WHERE handled_by = @playerId)::int
            """)
            .With("playerId", playerId);
        // Keyed by the wallet, so not reached by the cascade. The NFTs stay on chain (public, not ours to erase);
        // our link between this wallet and its NFTs, forges and standings goes.
        var nfts = batch.Add("DELETE FROM player_nfts WHERE stake_key = @stakeKey")
            .With("stakeKey", stakeKey);
        var forges = batch.Add("DELETE FROM forge_operations WHERE stake_key = @stakeKey")
            .With("stakeKey", stakeKey);
        var points = batch.Add("DELETE FROM season_points WHERE stake_key = @stakeKey")
            .With("stakeKey", stakeKey);
        // Snapshots are the prize record: their lines keep rank and numbers, so every other wallet's recorded rank
        // stands, under a random key per line ('i' is outside the bech32 alphabet: never a real address) that
        // links the lines neither to the wallet nor to each other.
        var snapshots = batch.Add("""
            UPDATE leaderboard_snapshots
            SET stake_key = 'stake_test1erasedi' || left(md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text), 46)
            WHERE stake_key = @stakeKey
            """)
            .With("stakeKey", stakeKey);
        // Cascades to sessions, eligibilities, mints and the player's flags; flags they handled keep handled_by NULL.
        batch.Add("DELETE FROM players WHERE id = @playerId")
            .With("playerId", playerId);

        var counts = new int[5];
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = reader.GetInt32(i);
            }

            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
                // Drain: row counts are complete only once every result was read.
            }
        }

        return new Dictionary<string, int>
        {
            ["players"] = 1,
            ["sessions"] = counts[0],
            ["eligibilities"] = counts[1],
            ["mints"] = counts[2],
            ["question_flags"] = counts[3],
            ["question_flags.handled_by"] = counts[4],
            ["player_nfts"] = nfts.RecordsAffected,
            ["forge_operations"] = forges.RecordsAffected,
            ["season_points"] = points.RecordsAffected,
            ["leaderboard_snapshots"] = snapshots.RecordsAffected,
        };
    }
}
