namespace TriviaNft.Data.Redis.Sessions;

/// <summary>A question offered to a new session: its id and the index (0..3) of its correct option.</summary>
/// <param name="QuestionId">The question (<c>questions.id</c>).</param>
/// <param name="CorrectIndex">Its correct option, kept server-side so an answer is judged in the same round trip.</param>
public readonly record struct SessionQuestion(Guid QuestionId, int CorrectIndex);
