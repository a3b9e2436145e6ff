namespace TriviaNft.Data.Redis.Internal;

/// <summary>A game day, the instant it ends, and the TTL of a daily key created at the instant asked about.</summary>
internal readonly record struct GameDay(DateOnly Day, DateTimeOffset ResetsAt, TimeSpan KeyTtl);
