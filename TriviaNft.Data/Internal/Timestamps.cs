namespace TriviaNft.Data.Internal;

/// <summary>Instants as PostgreSQL stores them.</summary>
internal static class Timestamps
{
    /// <summary>
    /// <paramref name="value"/> in UTC, truncated to whole microseconds (timestamptz precision), so a value read
    /// back compares equal to the one written — which idempotent replays rely on.
    /// </summary>
    public static DateTimeOffset ToPostgres(this DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
}
