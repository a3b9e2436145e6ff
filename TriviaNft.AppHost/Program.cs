using TriviaNft.AppHost;
using TriviaNft.AppHost.Cloud;
using TriviaNft.AppHost.LocalEmulation;
using TriviaNft.Data;
using TriviaNft.LocalServers;

var builder = DistributedApplication.CreateBuilder(args);

DataStack data;
try
{
    // The AWS DataStack: Aurora writer + reader behind RDS Proxy, ElastiCache in cluster mode.
    // Native processes by default; LocalEmulation:Mode=Containers serves the same names from containers,
    // LocalEmulation:Mode=Cloud binds them to the deployed stack (its passwords are never generated).
    data = builder.AddDataStack(LocalEmulationOptions.From(builder.Configuration, args));
}
catch (Exception ex) when (ex is MissingServerBinaryException or LocalEmulationException or CloudBindingException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

// Migrations go to the writer directly, never through the proxy; later projects WaitForCompletion(migrator).
var migrator = builder.AddProject<Projects.TriviaNft_Migrator>(ResourceNames.Migrator)
    .WithReference(data.DbAdmin)
    .WaitFor(data.Writer);

// The scheduled jobs (EventBridge Scheduler in AWS): season rollover, daily snapshot, expiry, purge, leaderboard
// check, stale pending, each when due in America/New_York; "Run <job> now" in the dashboard. Not in cloud mode.
builder.AddJobScheduler(data, migrator);

// Opt-in (--Workload:Enabled=true): simulated players, so the dashboard shows game traces and metrics.
builder.AddLiveWorkloadIfEnabled(data, migrator);

await builder.Build().RunAsync();
return 0;
