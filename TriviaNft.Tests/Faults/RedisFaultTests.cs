using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Data.Redis.Limits;
using TriviaNft.LocalServers;
using TriviaNft.Tests.Redis;
using Xunit.Abstractions;

namespace TriviaNft.Tests.Faults;

/// <summary>
/// Redis fails under a load of players: a primary dies and its replica takes over; the whole cluster is wiped.
/// PostgreSQL stays the record: nothing acknowledged is lost there, no session is half-counted, and the leaderboards
/// come back from it in the SQL order.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class RedisFaultTests(FaultStack stack, ITestOutputHelper output)
{
    [Fact]
    public async Task KillingAPrimaryFailsItsShardOverAndNoPlayerExceedsTheDailyLimitOrRunsTwoSessions()
    {
        await using var scenario = await FaultScenario.CreateAsync(stack, "redis-primary-kill-9", FaultSizes.Current.DailyLimit, Questions);
        var nodes = await stack.RedisNodesAsync();
        var victim = nodes.FirstOrDefault(p => p.IsPrimary && !p.IsFailing && nodes.Any(r => r.PrimaryId == p.Id && !r.IsFailing));
        Assert.True(victim is not null, $"no primary with a live replica in the cluster's view: {string.Join("; ", nodes)}");
        var successor = nodes.First(n => n.PrimaryId == victim.Id && !n.IsFailing);

        try
        {
            await scenario.RunAsync(async figures =>
            {
                await stack.KillRedisNodeAsync(victim.Port);
                // No command: the cluster notices (cluster-node-timeout 5 s) and the replica elects itself.
                await RedisFailover.WaitForPrimaryAsync(successor.Port, stack.RedisPorts.Where(p => p != victim.Port).ToList(), stack.Password, victim.Port);
                figures.RepairedAt = figures.Now;
                figures.Measure("failoverSeconds", Math.Round((figures.Now - figures.FaultAt!.Value).TotalSeconds, 2));
            });
        }
        finally
        {
            // Back to 3 × 1 for the other scenarios, whatever happened: the node rejoins as a replica.
            if (!stack.IsRedisNodeRunning(victim.Port))
            {
                await stack.StartRedisNodeAsync(victim.Port);
            }
        }

        var lostIncrements = await LostDailyIncrementsAsync(scenario);
        var most = await FaultChecks.MostSessionsOfAPlayerAsync(scenario.Db);
        scenario.Figures.Measure("dailyCounterIncrementsLost", lostIncrements);
        scenario.Figures.Measure("mostSessionsOfAPlayer", most);
        scenario.Figures.Measure("dailyLimit", scenario.DailyLimit);
        Assert.True(await RedisFailover.IsPrimaryAsync(successor.Port, stack.Password), "the replica did not take over");
        Assert.InRange(most, 1, scenario.DailyLimit);
        await FaultAssert.NothingAcknowledgedLostAsync(scenario, output);
    }

    [Fact]
    public async Task WipingRedisUnderLoadRejectsLiveSessionsCleanlyAndTheLeaderboardsComeBackFromPostgres()
    {
        await using var scenario = await FaultScenario.CreateAsync(stack, "redis-flushall", 10_000, Questions);

        await scenario.RunAsync(async figures =>
        {
            figures.Measure("nodesFlushed", await RedisConnections.FlushAllPrimariesAsync(scenario.Redis));
            figures.RepairedAt = figures.Now;
        });

        var season = await scenario.Db.ScalarAsync<string>("SELECT id FROM seasons WHERE is_active ORDER BY starts_at DESC LIMIT 1");
        var rebuilder = new RedisLeaderboardRebuilder(scenario.Redis, scenario.Db.Data);
        foreach (var board in new[] { LeaderboardId.Global(season), LeaderboardId.Category(season, scenario.CategoryId) })
        {
            var name = board == LeaderboardId.Global(season) ? "global" : "category";
            scenario.Figures.Measure($"{name}BoardMatchedSqlBeforeRebuild", (await rebuilder.CheckAsync(board)).IsMatch ? 1 : 0);
            var rebuilt = await rebuilder.RebuildAsync(board);
            var check = await rebuilder.CheckAsync(board);
            scenario.Figures.Measure($"{name}BoardRebuiltWallets", rebuilt.Count);
            scenario.Figures.Measure($"{name}BoardRebuildSeconds", Math.Round(rebuilt.Elapsed.TotalSeconds, 3));
            Assert.True(check.IsMatch, check.ToString());
            Assert.True(check.Compared >= scenario.Players.Count, $"{check.Compared} wallets on the {name} board");
        }

        await FaultAssert.NothingAcknowledgedLostAsync(scenario, output);
    }

    private static int Questions => FaultSizes.Current.Name == "full" ? 5_000 : 1_500;

    // Starts the players were told about, minus what today's counters say: increments a dead primary acknowledged
    // but never passed to its replica (replication is asynchronous).
    private static async Task<long> LostDailyIncrementsAsync(FaultScenario scenario)
    {
        var limits = new RedisDailyLimitStore(scenario.Redis, RedisGameStateOptions.Default with { ConnectedDailyLimit = scenario.DailyLimit });
        long lost = 0;
        foreach (var (player, started) in scenario.Figures.Starts)
        {
            var usage = await limits.GetAsync(player, isConnected: true);
            lost += Math.Max(0, started - usage.Used);
        }

        return lost;
    }
}
