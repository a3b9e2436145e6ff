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
        var proxy = new PgBouncerResource(name, program, configDirectory, writer.Resource.Topology);
        writer.Resource.Topology.Proxy = proxy;

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
            .WithProxyCommands()
            // PgBouncer reads its port from the ini file only, so the file is written once the port is known.
            .OnBeforeResourceStarted(static (proxy, _, ct) => proxy.WriteConfigAsync(ct));
    }

    /// <summary>
    /// Writes <c>pgbouncer.ini</c> for the current roles: the read/write pool onto the writer, the read-only pool onto
    /// the replica. At each start, and by a failover before it makes the running proxy reload the file.
    /// </summary>
    public static async Task WriteConfigAsync(this PgBouncerResource proxy, CancellationToken ct)
    {
        var password = await proxy.PasswordAsync(ct).ConfigureAwait(false);
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
    }

    /// <summary>The password of the proxy's user (the PostgreSQL superuser's).</summary>
    public static async Task<string> PasswordAsync(this PgBouncerResource proxy, CancellationToken ct) =>
        await proxy.Writer.Password.GetValueAsync(ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The parameter '{proxy.Writer.Password.Name}' has no value.");
}
