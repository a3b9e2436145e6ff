namespace TriviaNft.Data.Postgres.Questions;

/// <summary>What an import did.</summary>
/// <param name="Inserted">New questions written.</param>
/// <param name="Skipped">Questions whose hash already existed, in the database or earlier in the same import.</param>
public sealed record QuestionImportResult(int Inserted, int Skipped);
