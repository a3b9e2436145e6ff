using Microsoft.Extensions.Configuration;
using TriviaNft.AppHost.LocalEmulation;

namespace TriviaNft.AppHost;

/// <summary>
/// The opt-in live workload (<c>--Workload:Enabled=true</c>): bench/TriviaNft.Bench as a project resource that plays
/// games at a human pace through the data layer, so the dashboard shows real game traces and metrics. Off by
/// default: the app model stays the DataStack and its migrator.
/// </summary>
internal static class WorkloadBuilderExtensions
{
    public const string Section = "Workload";
    public const string ResourceName = "workload";

    public static void AddLiveWorkloadIfEnabled(
        this IDistributedApplicationBuilder builder, DataStack data, IResourceBuilder<ProjectResource> migrator)
    {
        var section = builder.Configuration.GetSection(Section);
        if (!section.GetValue("Enabled", false))
        {
            return;
        }

        // It plays against the migrated schema, so it starts once the migrator has finished.
        builder.AddProject<Projects.TriviaNft_Bench>(ResourceName)
            .WithReference(data.Db).WaitFor(data.Db)
            .WithReference(data.DbReader)
            .WithReference(data.Cache).WaitFor(data.Cache)
            .WaitForCompletion(migrator)
            .WithEnvironment($"{Section}__Clients", section.GetValue("Clients", 2).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment($"{Section}__ThinkTimeMs", section.GetValue("ThinkTimeMs", 500).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
