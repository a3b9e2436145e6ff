namespace TriviaNft.Data.Redis.Sessions;

/// <summary>The outcome of a release, and when the cooldown it set ends.</summary>
/// <param name="Status">What happened.</param>
/// <param name="CooldownUntil">When the next start is possible; null when no cooldown of this session runs.</param>
public sealed record SessionReleaseResult(SessionReleaseStatus Status, DateTimeOffset? CooldownUntil);
