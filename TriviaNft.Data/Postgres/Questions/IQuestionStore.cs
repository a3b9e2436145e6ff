using TriviaNft.Data.Errors;

namespace TriviaNft.Data.Postgres.Questions;

/// <summary>The question bank: serving random questions, importing, retiring.</summary>
public interface IQuestionStore
{
    /// <summary>
    /// Up to <paramref name="count"/> distinct active questions of <paramref name="categoryId"/>, picked uniformly at
    /// random, none of them in <paramref name="excludedIds"/> (the player's questions seen today). Fewer come back
    /// when fewer remain: the caller decides whether to reset the seen set. Read from the reader endpoint.
    /// </summary>
    /// <exception cref="DataValidationException">The category id is empty, the count is not 1..50, or more than 1000 ids are excluded.</exception>
    Task<IReadOnlyList<Question>> PickRandomAsync(
        Guid categoryId, int count, IReadOnlyCollection<Guid> excludedIds, CancellationToken cancellationToken = default);

    /// <summary>The question with <paramref name="questionId"/>, active or not.</summary>
    /// <exception cref="DataNotFoundException">No such question.</exception>
    /// <exception cref="DataValidationException">The id is empty.</exception>
    Task<Question> GetByIdAsync(Guid questionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Imports <paramref name="questions"/> in one transaction, skipping any whose <see cref="QuestionHash"/> exists
    /// (in the bank or earlier in the same import). Each 1000 questions travel in one statement (arrays unnested
    /// server-side). All or nothing: one invalid question rejects the whole import.
    /// </summary>
    /// <exception cref="DataValidationException">
    /// The list is empty or has more than 10000 questions, or a question breaks a rule (text 1..1000, exactly 4 distinct
    /// non-blank options, correct index 0..3, explanation up to 2000, known source and difficulty, an existing category).
    /// </exception>
    Task<QuestionImportResult> ImportAsync(IReadOnlyList<NewQuestion> questions, CancellationToken cancellationToken = default);

    /// <summary>Stops serving the question (idempotent); its sessions and flags keep referring to it.</summary>
    /// <exception cref="DataNotFoundException">No such question.</exception>
    /// <exception cref="DataValidationException">The id is empty.</exception>
    Task DeactivateAsync(Guid questionId, CancellationToken cancellationToken = default);
}
