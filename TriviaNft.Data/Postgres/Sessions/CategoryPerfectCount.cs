namespace TriviaNft.Data.Postgres.Sessions;

/// <summary>How many perfect sessions a player has in one category.</summary>
/// <param name="CategoryId">The category.</param>
/// <param name="PerfectSessions">Perfect (not forfeited) sessions in it.</param>
public sealed record CategoryPerfectCount(Guid CategoryId, int PerfectSessions);
