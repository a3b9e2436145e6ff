namespace TriviaNft.Data.Postgres.Seasons;

/// <summary>The result of a season transition.</summary>
/// <param name="Previous">The season that was active, now inactive (its grace days may still run).</param>
/// <param name="Current">The season now active.</param>
public sealed record SeasonTransition(Season Previous, Season Current);
