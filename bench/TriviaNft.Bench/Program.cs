using TriviaNft.Bench;
using TriviaNft.Bench.Live;

// Under the AppHost (opt-in Workload:Enabled): a gentle endless load for the dashboard. Standalone: the benchmark.
if (LiveHost.IsUnderAppHost())
{
    await LiveHost.RunAsync(args);
    return 0;
}

return await BenchRun.RunAsync(BenchOptions.Parse(args), CancellationToken.None);
