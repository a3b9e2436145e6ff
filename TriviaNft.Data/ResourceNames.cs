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

    /// <summary>The name under which the proxy serves the reader pool (RDS Proxy's READ_ONLY endpoint locally).</summary>
    public const string ReaderDatabaseName = "trivianft_readonly";

    /// <summary>AppHost resource: the PostgreSQL writer (the Aurora writer instance).</summary>
    public const string Postgres = "postgres";

    /// <summary>AppHost resource: the streaming replica of the writer (the Aurora reader instance).</summary>
    public const string PostgresReader = "postgres-reader";

    /// <summary>AppHost resource: the connection pooler in front of writer and reader (RDS Proxy).</summary>
    public const string Proxy = "proxy";

    /// <summary>AppHost resource: Redis in cluster mode (ElastiCache).</summary>
    public const string Redis = "redis";

    /// <summary>AppHost resource: the migration worker.</summary>
    public const string Migrator = "migrator";

    /// <summary>AppHost parameter: the PostgreSQL superuser password (<c>Parameters__postgres-password</c>).</summary>
    public const string PostgresPassword = "postgres-password";

    /// <summary>AppHost parameter: the Redis AUTH password (<c>Parameters__redis-password</c>).</summary>
    public const string RedisPassword = "redis-password";
}
