using Dapper;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.QuestionFlags;

/// <summary>PostgreSQL implementation of <see cref="IQuestionFlagStore"/>.</summary>
public sealed class PostgresQuestionFlagStore(TriviaNftDatabase database) : IQuestionFlagStore
{
    private const string Columns = "id, question_id, player_id, reason, handled, handled_by, handled_at, created_at";

    /// <inheritdoc />
    public Task<QuestionFlag> FlagAsync(Guid questionId, Guid playerId, string reason, CancellationToken cancellationToken = default)
    {
        Guard.Id(questionId, "question_flags.question_id", "The question id");
        Guard.Id(playerId, "question_flags.player_id", "The player id");
        Guard.Text(reason, "chk_question_flags_reason_length", "A flag reason", 1, 500);
        const string sql = $"""
            INSERT INTO question_flags (question_id, player_id, reason) VALUES (@questionId, @playerId, @reason)
            RETURNING {Columns}
            """;
        return Db.WriteAsync(database.Writer, (connection, transaction) =>
                connection.QuerySingleAsync<QuestionFlag>(
                    new CommandDefinition(sql, new { questionId, playerId, reason }, transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QuestionFlag>> ListUnhandledAsync(
        int limit = 50, PageCursor? after = null, CancellationToken cancellationToken = default)
    {
        Guard.Limit(limit);
        var afterAt = after is null ? (DateTimeOffset?)null : Guard.Instant(after.At, "page.after", "The cursor's instant").ToUniversalTime();
        // Keyset on (created_at, id) over idx_question_flags_unhandled; the expanded form keeps the index usable.
        const string sql = $"""
            SELECT {Columns} FROM question_flags
            WHERE NOT handled
              AND (@afterAt::timestamptz IS NULL
                   OR created_at > @afterAt OR (created_at = @afterAt AND id > @afterId))
            ORDER BY created_at, id
            LIMIT @limit
            """;
        // UTC: the driver writes timestamptz only from offset-0 values (a nullable one bypasses the Dapper handler).
        var parameters = new { limit, afterAt, afterId = after?.Id };
        // The moderation queue tolerates a replica's lag: the reader.
        return Db.ReadAsync<IReadOnlyList<QuestionFlag>>(database.Reader, async connection =>
                [.. await connection.QueryAsync<QuestionFlag>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<QuestionFlag> ResolveAsync(Guid flagId, Guid moderatorId, CancellationToken cancellationToken = default)
    {
        Guard.Id(flagId, "question_flags.id", "The flag id");
        Guard.Id(moderatorId, "question_flags.handled_by", "The moderator id");
        // The conditional update resolves an unhandled flag. When it matches nothing, a second statement (a fresh
        // snapshot, so it sees a concurrent resolver's commit) returns the flag as it is: idempotent.
        const string resolveSql = $"""
            UPDATE question_flags SET handled = true, handled_by = @moderatorId, handled_at = now()
            WHERE id = @flagId AND NOT handled
            RETURNING {Columns}
            """;
        const string readSql = $"SELECT {Columns} FROM question_flags WHERE id = @flagId";
        var flag = await Db.WriteAsync(database.Writer, async (connection, transaction) =>
                await connection.QuerySingleOrDefaultAsync<QuestionFlag>(new CommandDefinition(
                    resolveSql, new { flagId, moderatorId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
                ?? await connection.QuerySingleOrDefaultAsync<QuestionFlag>(new CommandDefinition(
                    readSql, new { flagId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return flag ?? throw new DataNotFoundException("question flag", flagId.ToString());
    }
}
