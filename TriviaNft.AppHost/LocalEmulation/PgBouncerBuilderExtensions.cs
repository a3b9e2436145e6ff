using Microsoft.Extensions.DependencyInjection;
using TriviaNft.Data;
using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>Adds PgBouncer, the local RDS Proxy, in front of the writer and its replica.</summary>
internal static class PgBouncerBuilderExtensions
{
    public static IResourceBuilder<PgBouncerResource> AddPgBouncer(
        this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<PostgresServerResource> writer, IResourceBuilder<PostgresServerResource> reader, LocalState state)
    {
        var configDirectory = state.For(name);
        var program = PgBouncerServer.Command(Path.Combine(configDirectory, "pgbouncer.ini")).FileName;
        var proxy = new PgBouncerResource(name, program, configDirectory, writer.Resource, reader.Resource);

        var healthCheck = $"{name}_answers";
        builder.Services.AddHealthChecks().Add(new(healthCheck,
            _ => new PgBouncerHealthCheck(proxy), failureStatus: null, tags: null));

        return builder.AddResource(proxy)
            .WithServerEndpoint()
            .WithArgs(PgBouncerServer.Command(proxy.ConfigFile).Arguments.ToArray())
            .WithIconName("ArrowSplit")
            .WaitFor(writer)
            .WaitFor(reader)
            .WithHealthCheck(healthCheck)
            .OnBeforeResourceStarted(static async (proxy, _, ct) =>
            {
                // PgBouncer reads its port from the ini file only, so the file is written once the port is known.
                var password = await proxy.Writer.Password.GetValueAsync(ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The parameter '{proxy.Writer.Password.Name}' has no value.");
                await PgBouncerServer.WriteConfigAsync(
                    proxy.ConfigDirectory,
                    await proxy.TargetPortAsync(ct).ConfigureAwait(false),
                    PostgresServer.Superuser,
                    password,
                    [
                        new PgBouncerPool(ResourceNames.DatabaseName, await proxy.Writer.TargetPortAsync(ct).ConfigureAwait(false), ResourceNames.DatabaseName),
                        new PgBouncerPool(ResourceNames.ReaderDatabaseName, await proxy.Reader.TargetPortAsync(ct).ConfigureAwait(false), ResourceNames.DatabaseName),
                    ],
                    ct).ConfigureAwait(false);
            });
    }
}
