namespace TriviaNft.Tests.Data;

/// <summary>A clock that reads <see cref="Now"/>, for expiry instants the tests can predict.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
