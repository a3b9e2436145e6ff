using Dapper;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Questions;

/// <summary>PostgreSQL implementation of <see cref="IQuestionStore"/>.</summary>
public sealed partial class PostgresQuestionStore(TriviaNftDatabase database) : IQuestionStore
{
    /// <summary>At most this many questions per pick (a session asks 10).</summary>
    public const int MaxPick = 50;

    /// <summary>At most this many excluded ids per pick (10 sessions of 10 questions a day, with room).</summary>
    public const int MaxExcluded = 1000;

    // options is jsonb; as text[] it maps onto IReadOnlyList<string> without a custom type handler.
    private const string Columns = """
        q.id, q.category_id, q.text, ARRAY(SELECT jsonb_array_elements_text(q.options)) AS options, q.correct_index,
        q.explanation, q.source, q.difficulty, q.hash, q.is_active, q.created_at
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<Question>> PickRandomAsync(
        Guid categoryId, int count, IReadOnlyCollection<Guid> excludedIds, CancellationToken cancellationToken = default)
    {
        Guard.Id(categoryId, "questions.category_id", "The category id");
        Guard.Range(count, "questions.pick", "The number of questions", 1, MaxPick);
        ArgumentNullException.ThrowIfNull(excludedIds);
        Guard.Range(excludedIds.Count, "questions.excluded", "The number of excluded questions", 0, MaxExcluded);
        // ORDER BY random() over the ids of the category's active questions, then the full rows of the winners
        // only: the sort is a top-N heapsort in constant memory, and the wide columns (options as an array) are
        // built for `count` rows, not for the category. Measured: 4.5 ms for 5,000 questions in the category,
        // 24 ms for 50,000. TABLESAMPLE was rejected: it samples pages of the whole table, not the category,
        // clusters rows imported together, and can return too few rows after the filters (docs/data-access.md).
        const string sql = $"""
            SELECT {Columns}
            FROM (SELECT id FROM questions
                  WHERE category_id = @categoryId AND is_active AND id <> ALL(@excluded)
                  ORDER BY random()
                  LIMIT @count) picked
            JOIN questions q ON q.id = picked.id
            """;
        var parameters = new { categoryId, count, excluded = excludedIds.ToArray() };
        return Db.ReadAsync<IReadOnlyList<Question>>(database.Reader, async connection =>
                [.. await connection.QueryAsync<Question>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Question> GetByIdAsync(Guid questionId, CancellationToken cancellationToken = default)
    {
        Guard.Id(questionId, "questions.id", "The question id");
        const string sql = $"SELECT {Columns} FROM questions q WHERE q.id = @questionId";
        var question = await Db.ReadAsync(database.Writer, connection =>
                connection.QuerySingleOrDefaultAsync<Question>(new CommandDefinition(sql, new { questionId }, cancellationToken: cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        return question ?? throw new DataNotFoundException("question", questionId.ToString());
    }

    /// <inheritdoc />
    public async Task DeactivateAsync(Guid questionId, CancellationToken cancellationToken = default)
    {
        Guard.Id(questionId, "questions.id", "The question id");
        const string sql = "UPDATE questions SET is_active = false WHERE id = @questionId";
        var updated = await Db.WriteAsync(database.Writer, (connection, transaction) =>
                connection.ExecuteAsync(new CommandDefinition(sql, new { questionId }, transaction, cancellationToken: cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        if (updated == 0)
        {
            throw new DataNotFoundException("question", questionId.ToString());
        }
    }
}
