using Dapper;
using Npgsql;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Players;

public sealed partial class PostgresPlayerStore
{
    // First key of pg_advisory_xact_lock(int, int) for "a wallet is being connected"; the second is the stake
    // key's hash. Two guests connecting the same new wallet at once then run one after the other: the second
    // merges into the player the first created instead of failing on uq_players_stake_key.
    private const int WalletLockClass = 4_001;

    /// <inheritdoc />
    public Task<WalletConnection> ConnectWalletAsync(Guid guestId, string stakeKey, CancellationToken cancellationToken = default)
    {
        Guard.Id(guestId, "players.id", "The guest id");
        Guard.StakeKey(stakeKey);
        return Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            // Row locks on both players: a session completing for the guest meanwhile waits (its foreign key
            // check needs a key-share lock), so nothing is written for the guest after its rows were moved.
            const string lockSql = $"""
                SELECT pg_advisory_xact_lock(@lockClass, hashtext(@stakeKey));
                SELECT {Columns} FROM players WHERE id = @guestId OR stake_key = @stakeKey ORDER BY id FOR UPDATE;
                """;
            List<Player> rows;
            await using (var results = await connection.QueryMultipleAsync(
                             new CommandDefinition(lockSql, new { lockClass = WalletLockClass, guestId, stakeKey }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            {
                await results.ReadAsync().ConfigureAwait(false);
                rows = [.. await results.ReadAsync<Player>().ConfigureAwait(false)];
            }

            var guest = rows.Find(p => p.Id == guestId) ?? throw new DataNotFoundException("player", guestId.ToString());
            if (guest.StakeKey == stakeKey)
            {
                return new WalletConnection { Player = guest, Kind = WalletConnectionKind.AlreadyConnected, GuestId = guestId };
            }

            if (guest.StakeKey is not null)
            {
                throw new DataConflictException("players.already-connected", "This player is already connected to another wallet.");
            }

            var wallet = rows.Find(p => p.Id != guestId);
            return wallet is null
                ? await ConnectAsync(connection, transaction, guest, stakeKey, cancellationToken).ConfigureAwait(false)
                : await MergeAsync(connection, transaction, guest, wallet, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private static async Task<WalletConnection> ConnectAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Player guest, string stakeKey, CancellationToken cancellationToken)
    {
        // The guest keeps its row and its guest id (docs/schema.md: both may be set). Its sessions keep the
        // identity they were played under; its eligibilities gain the wallet, which a mint needs.
        const string sql = $"""
            UPDATE eligibilities SET stake_key = @stakeKey WHERE player_id = @guestId AND stake_key IS NULL;
            UPDATE players SET stake_key = @stakeKey, last_seen_at = now() WHERE id = @guestId RETURNING {Columns};
            """;
        var player = await connection.QuerySingleAsync<Player>(
            new CommandDefinition(sql, new { guestId = guest.Id, stakeKey }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new WalletConnection { Player = player, Kind = WalletConnectionKind.Connected, GuestId = guest.Id };
    }

    private static async Task<WalletConnection> MergeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Player guest, Player wallet, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var batch = connection.Batch(transaction);
        // Overdue grants of either player are expired first: an overdue active row would otherwise still hold
        // uq_eligibilities_active_category and block the move of the guest's live one.
        var expireOverdue = batch.Add("""
            UPDATE eligibilities SET status = 'expired'
            WHERE player_id IN (@guestId, @walletId) AND status = 'active' AND expires_at <= @now
            """).With("guestId", guest.Id).With("walletId", wallet.Id).With("now", now.ToPostgres());
        // Both hold a live grant for one category: the later-expiring one stays (ties: the wallet's).
        var expireDuplicate = batch.Add("""
            UPDATE eligibilities e SET status = 'expired'
            FROM eligibilities o
            WHERE e.player_id IN (@guestId, @walletId) AND o.player_id IN (@guestId, @walletId)
              AND e.player_id <> o.player_id AND e.category_id = o.category_id
              AND e.type = 'category' AND o.type = 'category' AND e.status = 'active' AND o.status = 'active'
              AND (e.expires_at, e.player_id = @walletId) < (o.expires_at, o.player_id = @walletId)
            """).With("guestId", guest.Id).With("walletId", wallet.Id);
        var eligibilities = batch.Add(
                "UPDATE eligibilities SET player_id = @walletId, stake_key = @stakeKey WHERE player_id = @guestId")
            .With("guestId", guest.Id).With("walletId", wallet.Id).With("stakeKey", wallet.StakeKey);
        // Sessions keep stake_key/anon_id as played: guest play never earned season points, and a rebuild of
        // points from sessions must not count it.
        var sessions = batch.Add("UPDATE sessions SET player_id = @walletId WHERE player_id = @guestId")
            .With("guestId", guest.Id).With("walletId", wallet.Id);
        // A question both flagged keeps the wallet's flag; the guest's goes with the guest row.
        batch.Add("""
            UPDATE question_flags f SET player_id = @walletId
            WHERE f.player_id = @guestId
              AND NOT EXISTS (SELECT 1 FROM question_flags w WHERE w.player_id = @walletId AND w.question_id = f.question_id)
            """).With("guestId", guest.Id).With("walletId", wallet.Id);
        batch.Add("UPDATE question_flags SET handled_by = @walletId WHERE handled_by = @guestId")
            .With("guestId", guest.Id).With("walletId", wallet.Id);
        // Mints cascade from players: moved, never lost with the guest row.
        batch.Add("UPDATE mints SET player_id = @walletId WHERE player_id = @guestId")
            .With("guestId", guest.Id).With("walletId", wallet.Id);
        batch.Add("DELETE FROM players WHERE id = @guestId").With("guestId", guest.Id);
        // After the delete, so the unique guest id and username are free to move.
        batch.Add($"""
            UPDATE players SET anon_id = @anonId, username = coalesce(username, @username),
                               email = coalesce(email, @email), last_seen_at = now()
            WHERE id = @walletId
            RETURNING {Columns}
            """).With("walletId", wallet.Id).With("anonId", guest.AnonId).With("username", guest.Username).With("email", guest.Email);

        Player merged;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            merged = reader.Parse<Player>().Single();
        }

        return new WalletConnection
        {
            Player = merged,
            Kind = WalletConnectionKind.Merged,
            GuestId = guest.Id,
            SessionsMoved = sessions.RecordsAffected,
            EligibilitiesMoved = eligibilities.RecordsAffected,
            EligibilitiesExpired = expireOverdue.RecordsAffected + expireDuplicate.RecordsAffected,
        };
    }
}
