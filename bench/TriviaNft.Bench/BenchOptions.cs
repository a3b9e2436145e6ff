using System.Globalization;

namespace TriviaNft.Bench;

/// <summary>The sizes of one run: <c>--quick</c> (a smoke test in well under 3 minutes) or the full run of issue #8.</summary>
internal sealed record BenchOptions
{
    public bool Quick { get; init; }

    /// <summary>Concurrent clients everywhere (players, completion, starts): the same count for ours and the tools.</summary>
    public int Clients { get; init; } = 16;

    public TimeSpan WorkloadDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>An unmeasured game workload first: JIT, pools and script caches warm up.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long each side of the completion and start comparisons runs.</summary>
    public TimeSpan CompareDuration { get; init; } = TimeSpan.FromSeconds(20);

    public int QuestionsPerCategory { get; init; } = 600;

    public int PlayersPerKind { get; init; } = 20_000;

    public int LeaderboardRows { get; init; } = 1_000_000;

    public int LatencySamples { get; init; } = 2_000;

    /// <summary>The SQL rank counts the wallets ahead of one: slow at depth, so fewer samples.</summary>
    public int SqlRankSamples { get; init; } = 50;

    /// <summary>
    /// Season points rows of the daily snapshot: the leaderboard phase's season, topped up to this size when it
    /// holds fewer (at the full size it already holds them).
    /// </summary>
    public int SnapshotRows { get; init; } = 1_000_000;

    /// <summary>Rounds of ours-then-psql for the snapshot: the ratio reported is the rounds' median.</summary>
    public int SnapshotRounds { get; init; } = 3;

    /// <summary>Inactive guests (one session each) the retention purge deletes.</summary>
    public int PurgeGuests { get; init; } = 1_000_000;

    /// <summary>Rounds of ours-then-psql for the purge; each side needs its own seeding (the purge deletes it), slow at 1 M.</summary>
    public int PurgeRounds { get; init; } = 1;

    public string ReportPath { get; init; } = "docs/benchmarks.md";

    /// <summary>What scripts/measure-start.sh printed, when bench/run measured the AppHost's start.</summary>
    public string? AppHostStartFile { get; init; }

    /// <summary>The command line as the report shows it.</summary>
    public string Command { get; init; } = "bench/run";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var quick = args.Contains("--quick");
        var options = quick
            ? new BenchOptions
            {
                Quick = true,
                Clients = 8,
                WorkloadDuration = TimeSpan.FromSeconds(8),
                WarmUp = TimeSpan.FromSeconds(2),
                CompareDuration = TimeSpan.FromSeconds(3),
                QuestionsPerCategory = 250,
                PlayersPerKind = 3_000,
                LeaderboardRows = 10_000,
                LatencySamples = 200,
                SqlRankSamples = 30,
                SnapshotRows = 20_000,
                PurgeGuests = 20_000,
                PurgeRounds = 3,
                Command = "bench/run --quick",
            }
            : new BenchOptions();
        for (var i = 0; i < args.Count - 1; i++)
        {
            options = args[i] switch
            {
                "--report" => options with { ReportPath = args[i + 1] },
                "--apphost-start" => options with { AppHostStartFile = args[i + 1] },
                "--clients" => options with { Clients = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--command" => options with { Command = args[i + 1] },
                _ => options,
            };
        }

        return options;
    }
}
