using TriviaNft.AppHost.LocalEmulation;

namespace TriviaNft.AppHost;

/// <summary>
/// The scheduled jobs, locally: <c>TriviaNft.Migrator jobs schedule</c> as the <c>jobs</c> resource. It runs every job
/// of the data layer when it is due on its America/New_York schedule (catching up, from <c>job_runs</c>, what was
/// missed while the AppHost was down or the machine slept), as EventBridge Scheduler does in AWS, and its menu holds
/// "Run &lt;job&gt; now" for each job (<see cref="JobCommands"/>). Native and container modes; not in cloud mode, where
/// the deployed stack runs its own schedules and a laptop would be a second scheduler of the deployed database.
/// </summary>
internal static class JobsBuilderExtensions
{
    /// <summary>The resource's name (it belongs in TriviaNft.Data's ResourceNames, beside the migrator's).</summary>
    public const string ResourceName = "jobs";

    /// <summary>The scheduler's loopback endpoint, which the commands post to.</summary>
    public const string TriggerEndpoint = "trigger";

    /// <summary>The variable that gives the scheduler its trigger endpoint's port.</summary>
    public const string PortVariable = "JOBS_HTTP_PORT";

    public static void AddJobScheduler(
        this IDistributedApplicationBuilder builder, DataStack data, IResourceBuilder<ProjectResource> migrator)
    {
        if (LocalEmulationOptions.From(builder.Configuration, []).UseCloud)
        {
            return;
        }

        // The jobs act on the migrated schema through the writer, directly, as the migrator does (no proxy statement
        // timeout over a long purge), and on Redis (leaderboard-check). Not proxied: the process binds the port itself.
        builder.AddProject<Projects.TriviaNft_Migrator>(ResourceName)
            .WithArgs("jobs", "schedule")
            .WithReference(data.DbAdmin)
            .WithReference(data.Cache).WaitFor(data.Cache)
            .WaitForCompletion(migrator)
            .WithHttpEndpoint(name: TriggerEndpoint, env: PortVariable, isProxied: false)
            .WithUrlForEndpoint(TriggerEndpoint, url =>
            {
                // It listens on 127.0.0.1 only (and HttpListener checks the Host header): the link opens the job list there.
                url.Url = new UriBuilder(url.Url) { Host = "127.0.0.1", Path = "jobs" }.Uri.ToString();
                url.DisplayText = "job list (GET /jobs)";
            })
            .WithJobCommands();
    }
}
