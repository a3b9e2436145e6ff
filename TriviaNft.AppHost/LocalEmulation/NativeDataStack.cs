using TriviaNft.Data;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>The AWS DataStack as native processes under the Aspire orchestrator: no container runtime needed.</summary>
internal static class NativeDataStack
{
    public static DataStack AddNativeDataStack(
        this IDistributedApplicationBuilder builder, LocalEmulationOptions options,
        IResourceBuilder<ParameterResource> postgresPassword, IResourceBuilder<ParameterResource> redisPassword)
    {
        var state = LocalState.Prepare(options, builder.AppHostDirectory);

        // Aurora: a writer and a reader; RDS Proxy in front of both; ElastiCache with cluster mode enabled.
        // The two PostgreSQL servers swap roles on a failover; the topology says who is the writer now.
        var postgres = builder.AddNativePostgres(ResourceNames.Postgres, postgresPassword, state, options, new PostgresTopology());
        var reader = postgres.AddStreamingReplica(ResourceNames.PostgresReader, state, options);
        var proxy = builder.AddPgBouncer(ResourceNames.Proxy, postgres, reader, state);
        var redis = builder.AddNativeRedisCluster(ResourceNames.Redis, redisPassword, state, options);

        builder.AddReadyBanner(state);
        return new DataStack(
            Db: builder.AddConnectionString(ResourceNames.TriviaDb, proxy.Resource.PoolConnectionString(ResourceNames.DatabaseName)).WaitFor(proxy),
            DbReader: builder.AddConnectionString(ResourceNames.TriviaDbReader, proxy.Resource.PoolConnectionString(ResourceNames.ReaderDatabaseName)).WaitFor(proxy),
            DbAdmin: builder.AddConnectionString(ResourceNames.TriviaDbAdmin, ReferenceExpression.Create($"{new WriterConnectionString(postgres.Resource.Topology)}")).WaitFor(postgres),
            Cache: builder.AddConnectionString(ResourceNames.Cache, redis.Resource.ConnectionStringExpression).WaitFor(redis),
            // Whoever is the writer at this start (a failover of an earlier run may have swapped them).
            Writer: ReferenceEquals(postgres.Resource.Topology.Writer, postgres.Resource) ? postgres : reader);
    }
}
