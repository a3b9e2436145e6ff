using TriviaNft.AppHost.Cloud;
using TriviaNft.AppHost.LocalEmulation;
using TriviaNft.Data;

namespace TriviaNft.AppHost;

/// <summary>Chooses how the DataStack's four names are served: native processes, containers, or the deployed stack.</summary>
internal static class DataStackBuilderExtensions
{
    public static DataStack AddDataStack(this IDistributedApplicationBuilder builder, LocalEmulationOptions options)
    {
        if (options.UseCloud)
        {
            return builder.AddCloudDataStack(CloudOptions.From(builder.Configuration, builder.AppHostDirectory));
        }

        // Local servers are ours: their passwords are generated once and kept in user secrets.
        var postgresPassword = builder.AddGeneratedSecret(ResourceNames.PostgresPassword);
        var redisPassword = builder.AddGeneratedSecret(ResourceNames.RedisPassword);
        return options.UseContainers
            ? builder.AddContainerDataStack(postgresPassword, redisPassword)
            : builder.AddNativeDataStack(options, postgresPassword, redisPassword);
    }
}
