using Dapper;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Players;

/// <summary>PostgreSQL implementation of <see cref="IPlayerStore"/>.</summary>
/// <param name="database">The endpoints.</param>
/// <param name="timeProvider">The clock that decides which eligibilities a wallet merge finds overdue; the system clock when null.</param>
public sealed partial class PostgresPlayerStore(TriviaNftDatabase database, TimeProvider? timeProvider = null) : IPlayerStore
{
    private readonly TimeProvider _clock = timeProvider ?? TimeProvider.System;

    private const string Columns = "id, stake_key, anon_id, username, email, last_seen_at, created_at";

    /// <inheritdoc />
    public Task<Player> GetOrCreateGuestAsync(string anonId, CancellationToken cancellationToken = default)
    {
        Guard.AnonId(anonId);
        // DO UPDATE (not DO NOTHING) so RETURNING yields the row in both cases, in one statement that concurrent
        // callers cannot race: the loser waits for the winner's row and updates it.
        const string sql = $"""
            INSERT INTO players (anon_id) VALUES (@anonId)
            ON CONFLICT (anon_id) DO UPDATE SET last_seen_at = now()
            RETURNING {Columns}
            """;
        return Db.WriteAsync(database.Writer, (connection, transaction) =>
                connection.QuerySingleAsync<Player>(new CommandDefinition(sql, new { anonId }, transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Player> GetByIdAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        Guard.Id(playerId, "players.id", "The player id");
        const string sql = $"SELECT {Columns} FROM players WHERE id = @playerId";
        // The writer: identity decisions must see a wallet connected a moment ago.
        var player = await Db.ReadAsync(database.Writer, connection =>
                connection.QuerySingleOrDefaultAsync<Player>(new CommandDefinition(sql, new { playerId }, cancellationToken: cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        return player ?? throw new DataNotFoundException("player", playerId.ToString());
    }

    /// <inheritdoc />
    public async Task<Player> GetByStakeKeyAsync(string stakeKey, CancellationToken cancellationToken = default)
    {
        Guard.StakeKey(stakeKey);
        const string sql = $"SELECT {Columns} FROM players WHERE stake_key = @stakeKey";
        var player = await Db.ReadAsync(database.Writer, connection =>
                connection.QuerySingleOrDefaultAsync<Player>(new CommandDefinition(sql, new { stakeKey }, cancellationToken: cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        return player ?? throw new DataNotFoundException("player", stakeKey);
    }

    /// <inheritdoc />
    public async Task<Player> UpdateProfileAsync(
        Guid playerId, string? username, string? email, CancellationToken cancellationToken = default)
    {
        Guard.Id(playerId, "players.id", "The player id");
        if (username is not null)
        {
            Guard.Username(username);
        }

        Guard.Email(email);
        const string sql = $"""
            UPDATE players SET username = @username, email = @email, last_seen_at = now()
            WHERE id = @playerId
            RETURNING {Columns}
            """;
        var player = await Db.WriteAsync(database.Writer, (connection, transaction) =>
                connection.QuerySingleOrDefaultAsync<Player>(
                    new CommandDefinition(sql, new { playerId, username, email }, transaction, cancellationToken: cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        return player ?? throw new DataNotFoundException("player", playerId.ToString());
    }

    /// <inheritdoc />
    public async Task TouchAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        Guard.Id(playerId, "players.id", "The player id");
        const string sql = "UPDATE players SET last_seen_at = now() WHERE id = @playerId";
        var touched = await Db.WriteAsync(database.Writer, (connection, transaction) =>
                connection.ExecuteAsync(new CommandDefinition(sql, new { playerId }, transaction, cancellationToken: cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        if (touched == 0)
        {
            throw new DataNotFoundException("player", playerId.ToString());
        }
    }
}
