namespace TriviaNft.Data;

/// <summary>
/// Resource and connection-string names shared by the AppHost, the migrator, the data layer and the tests.
/// Each name means the same endpoint role locally and in AWS (see docs/architecture.md).
/// </summary>
public static class ResourceNames
{
    /// <summary>Read/write endpoint behind the pooler: PgBouncer locally, the RDS Proxy default endpoint in AWS.</summary>
    public const string TriviaDb = "trivia-db";

    /// <summary>Stale-tolerant reads: PgBouncer onto the replica locally, the RDS Proxy READ_ONLY endpoint in AWS.</summary>
    public const string TriviaDbReader = "trivia-db-reader";

    /// <summary>Direct connection to the writer, no pooler: migrations only.</summary>
    public const string TriviaDbAdmin = "trivia-db-admin";

    /// <summary>Redis in cluster mode: the local cluster, or the ElastiCache configuration endpoint.</summary>
    public const string Cache = "trivia-cache";

    /// <summary>The database name, the same locally and in Aurora.</summary>
    public const string DatabaseName = "trivianft";
}
