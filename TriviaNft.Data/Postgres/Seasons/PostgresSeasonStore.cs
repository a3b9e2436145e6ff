using Dapper;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Seasons;

/// <summary>PostgreSQL implementation of <see cref="ISeasonStore"/>.</summary>
/// <param name="database">The endpoints.</param>
/// <param name="rules">Season length and default grace days; <see cref="GameRules.Default"/> when null.</param>
public sealed class PostgresSeasonStore(TriviaNftDatabase database, GameRules? rules = null) : ISeasonStore
{
    private const string Columns = "id, name, starts_at, ends_at, grace_days, is_active";
    private readonly GameRules _rules = (rules ?? GameRules.Default).EnsureValid();

    /// <inheritdoc />
    public Task<Season?> FindActiveAsync(CancellationToken cancellationToken = default)
    {
        const string sql = $"SELECT {Columns} FROM seasons WHERE is_active";
        return Db.ReadAsync(database.Reader, connection =>
                connection.QuerySingleOrDefaultAsync<Season>(new CommandDefinition(sql, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Season> GetByIdAsync(string seasonId, CancellationToken cancellationToken = default)
    {
        Guard.SeasonId(seasonId);
        const string sql = $"SELECT {Columns} FROM seasons WHERE id = @seasonId";
        var season = await Db.ReadAsync(database.Writer, connection =>
                connection.QuerySingleOrDefaultAsync<Season>(new CommandDefinition(sql, new { seasonId }, cancellationToken: cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        return season ?? throw new DataNotFoundException("season", seasonId);
    }

    /// <inheritdoc />
    public Task<Season> CreateNextAsync(int? graceDays = null, CancellationToken cancellationToken = default)
    {
        var grace = Guard.Range(graceDays ?? _rules.SeasonGraceDays, "chk_seasons_grace_days", "Grace days", 0, 30);
        const string readSql = $"""
            SELECT {Columns} FROM seasons ORDER BY is_active DESC, ends_at DESC LIMIT 1;
            SELECT id FROM seasons;
            """;
        const string existingSql = $"SELECT {Columns} FROM seasons WHERE starts_at = @startsAt ORDER BY id LIMIT 1";
        // ON CONFLICT (id): two concurrent calls compute the same id; the second returns the first one's row.
        const string insertSql = $"""
            INSERT INTO seasons (id, name, starts_at, ends_at, grace_days, is_active)
            VALUES (@id, @name, @startsAt, @endsAt, @grace, false)
            ON CONFLICT (id) DO NOTHING
            """;
        const string byIdSql = $"SELECT {Columns} FROM seasons WHERE id = @id";
        return Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            Season? previous;
            List<string> ids;
            await using (var results = await connection.QueryMultipleAsync(
                             new CommandDefinition(readSql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            {
                previous = await results.ReadSingleOrDefaultAsync<Season>().ConfigureAwait(false);
                ids = [.. await results.ReadAsync<string>().ConfigureAwait(false)];
            }

            if (previous is null)
            {
                throw new DataNotFoundException("season", "current");
            }

            var startsAt = previous.EndsAt;
            var existing = await connection.QuerySingleOrDefaultAsync<Season>(
                new CommandDefinition(existingSql, new { startsAt }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (existing is not null)
            {
                return existing;
            }

            var word = SeasonNaming.WordFor(startsAt);
            var number = SeasonNaming.NextNumber(word, ids);
            var id = SeasonNaming.Id(word, number);
            var parameters = new
            {
                id,
                name = SeasonNaming.Name(word, number),
                startsAt,
                endsAt = new DateTimeOffset(startsAt.UtcDateTime.AddMonths(_rules.SeasonLengthMonths), TimeSpan.Zero),
                grace,
            };
            await connection.ExecuteAsync(new CommandDefinition(insertSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return await connection.QuerySingleAsync<Season>(
                new CommandDefinition(byIdSql, new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SeasonTransition> TransitionAsync(string fromSeasonId, CancellationToken cancellationToken = default)
    {
        Guard.SeasonId(fromSeasonId);
        // One round trip: deactivate first (uq_seasons_single_active allows one true at a time), then activate the
        // season starting next — only if none is active now, so a call for a season that is no longer active
        // changes nothing and is reported as a conflict below.
        const string sql = $"""
            UPDATE seasons SET is_active = false WHERE id = @fromSeasonId AND is_active RETURNING {Columns};
            UPDATE seasons SET is_active = true
            WHERE id = (SELECT n.id FROM seasons n, seasons f
                        WHERE f.id = @fromSeasonId AND n.starts_at > f.starts_at
                        ORDER BY n.starts_at, n.id LIMIT 1)
              AND NOT EXISTS (SELECT 1 FROM seasons WHERE is_active)
            RETURNING {Columns};
            SELECT {Columns} FROM seasons WHERE id = @fromSeasonId;
            """;
        return await Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            await using var results = await connection.QueryMultipleAsync(
                new CommandDefinition(sql, new { fromSeasonId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var previous = await results.ReadSingleOrDefaultAsync<Season>().ConfigureAwait(false);
            var current = await results.ReadSingleOrDefaultAsync<Season>().ConfigureAwait(false);
            var from = await results.ReadSingleOrDefaultAsync<Season>().ConfigureAwait(false);
            if (from is null)
            {
                throw new DataNotFoundException("season", fromSeasonId);
            }

            if (previous is null)
            {
                throw new DataConflictException("seasons.not-active", $"Season '{fromSeasonId}' is not the active season.");
            }

            // Throwing rolls the deactivation back: a season is never ended without a successor.
            return current is null
                ? throw new DataNotFoundException("season", $"after {fromSeasonId}")
                : new SeasonTransition(previous, current);
        }, cancellationToken).ConfigureAwait(false);
    }
}
