using TriviaNft.Data;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// The same names served by containers, for machines with Docker (<c>LocalEmulation:Mode=Containers</c>):
/// one PostgreSQL 15 and one Redis 7.0. There is no proxy, replica or cluster in this mode: <c>trivia-db</c>
/// and <c>trivia-db-reader</c> reach the same database directly, and Redis is a single node.
/// </summary>
internal static class ContainerDataStack
{
    public static DataStack AddContainerDataStack(
        this IDistributedApplicationBuilder builder,
        IResourceBuilder<ParameterResource> postgresPassword, IResourceBuilder<ParameterResource> redisPassword)
    {
        var postgres = builder.AddPostgres(ResourceNames.Postgres, password: postgresPassword)
            .WithImageTag("15")
            .WithDataVolume();
        var database = postgres.AddDatabase(ResourceNames.DatabaseName);
        var redis = builder.AddRedis(ResourceNames.Redis, password: redisPassword).WithImageTag("7.0");

        return new DataStack(
            Db: builder.AddConnectionString(ResourceNames.TriviaDb, ReferenceExpression.Create($"{database.Resource};No Reset On Close=true;Max Auto Prepare=0")).WaitFor(database),
            DbReader: builder.AddConnectionString(ResourceNames.TriviaDbReader, ReferenceExpression.Create($"{database.Resource};No Reset On Close=true;Max Auto Prepare=0")).WaitFor(database),
            DbAdmin: builder.AddConnectionString(ResourceNames.TriviaDbAdmin, ReferenceExpression.Create($"{database.Resource}")).WaitFor(database),
            Cache: builder.AddConnectionString(ResourceNames.Cache, ReferenceExpression.Create($"{redis.Resource}")).WaitFor(redis),
            Writer: postgres);
    }
}
