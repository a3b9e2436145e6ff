namespace TriviaNft.Data.Errors;

/// <summary>Base of every error the data layer reports on purpose. Nothing was written when one is thrown.</summary>
public abstract class TriviaNftDataException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The input breaks a rule; <see cref="Rule"/> names it (a constraint name or a field rule).</summary>
public sealed class DataValidationException(string rule, string message, Exception? inner = null)
    : TriviaNftDataException(message, inner)
{
    /// <summary>The rule that was broken, e.g. <c>chk_email_format</c> or <c>players.username</c>.</summary>
    public string Rule { get; } = rule;
}

/// <summary>Something referred to does not exist.</summary>
public sealed class DataNotFoundException(string entity, string key)
    : TriviaNftDataException($"{entity} '{key}' was not found.")
{
    /// <summary>What kind of thing was looked for, e.g. "player".</summary>
    public string Entity { get; } = entity;

    /// <summary>The key that was looked for.</summary>
    public string Key { get; } = key;
}

/// <summary>The write conflicts with existing data (a unique rule, or a state that no longer allows it).</summary>
public sealed class DataConflictException(string rule, string message, Exception? inner = null)
    : TriviaNftDataException(message, inner)
{
    /// <summary>The rule that conflicted, e.g. <c>uq_players_username</c> or <c>eligibility.already-used</c>.</summary>
    public string Rule { get; } = rule;
}

/// <summary>Concurrent transactions kept colliding (serialization failure or deadlock) after the retries.</summary>
public sealed class DataConcurrencyException(string message, Exception? inner = null)
    : TriviaNftDataException(message, inner);

/// <summary>The database could not be reached or timed out; safe to retry idempotent work later.</summary>
public sealed class DataUnavailableException(string message, Exception? inner = null)
    : TriviaNftDataException(message, inner);
