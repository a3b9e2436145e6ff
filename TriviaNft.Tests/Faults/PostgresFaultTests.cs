using Xunit.Abstractions;

namespace TriviaNft.Tests.Faults;

/// <summary>
/// PostgreSQL and its proxy fail under a load of players: nothing acknowledged is lost, nothing is counted twice or
/// half, callers see typed transient errors (never a hang) and carry on by themselves once the server is back.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class PostgresFaultTests(FaultStack stack, ITestOutputHelper output)
{
    // Unlimited starts for these scenarios; enough questions that no player runs out of unseen ones.
    private const int NoDailyLimit = 10_000;

    [Fact]
    public async Task KillingTheWriterUnderLoadLosesNoAcknowledgedCompletionAndCallersResume()
    {
        await using var scenario = await FaultScenario.CreateAsync(stack, "postgres-writer-kill-9", NoDailyLimit, Questions);

        await scenario.RunAsync(async figures =>
        {
            await stack.KillPostgresAsync();
            await Task.Delay(FaultSizes.Current.Outage);
            await stack.StartPostgresAsync();
            figures.RepairedAt = figures.Now;
            figures.Measure("restartSeconds", Math.Round((figures.Now - figures.FaultAt!.Value).TotalSeconds, 2));
        });

        await FaultAssert.NothingAcknowledgedLostAsync(scenario, output);
    }

    [Fact]
    public async Task RestartingTheProxyUnderLoadLosesNoAcknowledgedCompletionAndCallersResume()
    {
        await using var scenario = await FaultScenario.CreateAsync(stack, "pgbouncer-restart", NoDailyLimit, Questions);

        await scenario.RunAsync(async figures =>
        {
            await stack.RestartProxyAsync();
            figures.RepairedAt = figures.Now;
            figures.Measure("restartSeconds", Math.Round((figures.Now - figures.FaultAt!.Value).TotalSeconds, 2));
        });

        await FaultAssert.NothingAcknowledgedLostAsync(scenario, output);
    }

    private static int Questions => FaultSizes.Current.Name == "full" ? 5_000 : 1_500;
}
