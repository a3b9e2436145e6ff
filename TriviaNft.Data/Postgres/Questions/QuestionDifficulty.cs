namespace TriviaNft.Data.Postgres.Questions;

/// <summary>How hard a question is (<c>chk_questions_difficulty</c>).</summary>
public enum QuestionDifficulty
{
    /// <summary>Easy.</summary>
    Easy,

    /// <summary>Medium, the default.</summary>
    Medium,

    /// <summary>Hard.</summary>
    Hard,
}
