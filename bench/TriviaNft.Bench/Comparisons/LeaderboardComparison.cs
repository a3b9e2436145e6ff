using TriviaNft.Bench.Measure;
using TriviaNft.Bench.Seeding;
using TriviaNft.Data.Postgres.SeasonPoints;
using TriviaNft.Data.Redis.Leaderboards;

namespace TriviaNft.Bench.Comparisons;

/// <summary>The leaderboard figures at one size.</summary>
internal sealed record LeaderboardFigures(
    int Rows, TimeSpan Seed, TimeSpan Rebuild, long Rebuilt,
    Percentiles RedisTop100, Percentiles SqlTop100, Percentiles RedisRank, Percentiles SqlRank)
{
    public double Top100Speedup => SqlTop100.P99 / RedisTop100.P99;

    public double RankSpeedup => SqlRank.P99 / RedisRank.P99;
}

/// <summary>
/// Leaderboards at <c>rows</c> season_points rows: the rebuild into Redis (<see cref="ILeaderboardRebuilder"/>),
/// then the top-100 page and a random wallet's rank from Redis (<see cref="ILeaderboardStore"/>) against the SQL
/// reads of <see cref="ISeasonPointsStore"/> (idx_season_points_leaderboard). One client, one request at a time:
/// latency, not throughput.
/// </summary>
internal sealed class LeaderboardComparison(ILeaderboardRebuilder rebuilder, ILeaderboardStore boards, ISeasonPointsStore sql, string adminConnectionString)
{
    private const int WarmUp = 5;

    public async Task<LeaderboardFigures> RunAsync(int rows, int samples, int sqlRankSamples, CancellationToken cancellationToken)
    {
        Console.WriteLine($"  leaderboard: seeding {rows:N0} season_points rows");
        var seed = await LeaderboardSeed.SeedAsync(adminConnectionString, rows, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"  leaderboard: seeded in {seed.TotalSeconds:0.0} s; rebuilding into Redis");
        var board = LeaderboardId.Global(LeaderboardSeed.SeasonId);
        var rebuild = await rebuilder.RebuildAsync(board, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"  leaderboard: rebuilt {rebuild.Count:N0} in {rebuild.Elapsed.TotalSeconds:0.00} s; timing reads");

        var latencies = new Latencies();
        Console.WriteLine($"  leaderboard: {samples} top-100 pages and ranks from Redis and SQL, {sqlRankSamples} SQL ranks");
        await SampleAsync(latencies, "redis top-100", samples, _ => boards.GetPageAsync(board, 1, 100, cancellationToken)).ConfigureAwait(false);
        await SampleAsync(latencies, "sql top-100", samples, _ => sql.GetPageAsync(LeaderboardSeed.SeasonId, 1, 100, cancellationToken)).ConfigureAwait(false);
        await SampleAsync(latencies, "redis rank", samples, key => boards.GetRankAsync(board, key, cancellationToken)).ConfigureAwait(false);
        await SampleAsync(latencies, "sql rank", sqlRankSamples, key => sql.GetRankAsync(LeaderboardSeed.SeasonId, key, cancellationToken)).ConfigureAwait(false);
        return new LeaderboardFigures(rows, seed, rebuild.Elapsed, rebuild.Count,
            latencies.Of("redis top-100"), latencies.Of("sql top-100"), latencies.Of("redis rank"), latencies.Of("sql rank"));

        async Task SampleAsync<T>(Latencies into, string name, int count, Func<string, Task<T>> read)
        {
            for (var i = 0; i < WarmUp + count; i++)
            {
                var key = LeaderboardSeed.StakeKey(Random.Shared.Next(1, rows + 1));
                if (i < WarmUp)
                {
                    await read(key).ConfigureAwait(false);
                }
                else
                {
                    await into.TimeAsync(name, () => read(key)).ConfigureAwait(false);
                }
            }
        }
    }
}
