using System.Text.Json;
using Dapper;
using TriviaNft.Data.Configuration;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Questions;

public sealed partial class PostgresQuestionStore
{
    /// <summary>At most this many questions per import call.</summary>
    public const int MaxImport = 10_000;

    // Rows per statement: one round trip each, parameters well under the protocol's limits.
    private const int ImportChunk = 1_000;

    /// <inheritdoc />
    public Task<QuestionImportResult> ImportAsync(IReadOnlyList<NewQuestion> questions, CancellationToken cancellationToken = default)
    {
        Guard.Items(questions, "questions.import", "An import", 1, MaxImport);
        var rows = questions.Select(Validated).ToList();
        // unnest() turns the parallel arrays back into rows server-side: one statement per chunk, no temp table
        // (session state the proxy would not keep). DO NOTHING also skips a duplicate within the same chunk.
        const string sql = """
            WITH inserted AS (
                INSERT INTO questions (category_id, text, options, correct_index, explanation, source, difficulty, hash)
                SELECT u.category_id, u.text, u.options::jsonb, u.correct_index, u.explanation, u.source, u.difficulty, u.hash
                FROM unnest(@categoryIds::uuid[], @texts::text[], @options::text[], @correctIndexes::int[],
                            @explanations::text[], @sources::text[], @difficulties::text[], @hashes::text[])
                     AS u(category_id, text, options, correct_index, explanation, source, difficulty, hash)
                ON CONFLICT (hash) DO NOTHING
                RETURNING 1)
            SELECT count(*)::int FROM inserted
            """;
        return Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            var inserted = 0;
            foreach (var chunk in rows.Chunk(ImportChunk))
            {
                var parameters = new
                {
                    categoryIds = chunk.Select(r => r.Question.CategoryId).ToArray(),
                    texts = chunk.Select(r => r.Question.Text.Trim()).ToArray(),
                    options = chunk.Select(r => JsonSerializer.Serialize(r.Question.Options.Select(o => o.Trim()).ToArray(), DataJsonContext.Default.StringArray)).ToArray(),
                    correctIndexes = chunk.Select(r => r.Question.CorrectIndex).ToArray(),
                    explanations = chunk.Select(r => r.Question.Explanation).ToArray(),
                    sources = chunk.Select(r => r.Question.Source.ToString().ToLowerInvariant()).ToArray(),
                    difficulties = chunk.Select(r => r.Question.Difficulty.ToString().ToLowerInvariant()).ToArray(),
                    hashes = chunk.Select(r => r.Hash).ToArray(),
                };
                inserted += await connection.ExecuteScalarAsync<int>(
                    new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            return new QuestionImportResult(inserted, rows.Count - inserted);
        }, cancellationToken);
    }

    private static (NewQuestion Question, string Hash) Validated(NewQuestion question, int index)
    {
        var at = $"Question {index + 1}:";
        if (question is null)
        {
            throw new DataValidationException("questions.import", $"{at} is missing.");
        }

        Guard.Id(question.CategoryId, "fk_questions_category_id", $"{at} the category id");
        Guard.Text(question.Text, "chk_questions_text_length", $"{at} the text", 1, 1000);
        Guard.Items(question.Options, "chk_questions_options_shape", $"{at} the options", 4, 4);
        foreach (var option in question.Options)
        {
            Guard.Text(option, "chk_questions_options_strings", $"{at} every option", 1, 1000);
        }

        if (question.Options.Select(QuestionHash.Normalize).Distinct(StringComparer.Ordinal).Count() != 4)
        {
            throw new DataValidationException("questions.options-distinct", $"{at} the four options must differ.");
        }

        Guard.Range(question.CorrectIndex, "chk_questions_correct_index", $"{at} the correct answer index", 0, 3);
        Guard.OptionalText(question.Explanation, "chk_questions_explanation_length", $"{at} the explanation", 2000);
        Guard.Defined(question.Source, "chk_questions_source", $"{at} the source");
        Guard.Defined(question.Difficulty, "chk_questions_difficulty", $"{at} the difficulty");
        return (question, QuestionHash.Compute(question.Text, question.Options));
    }
}
