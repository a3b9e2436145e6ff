using Microsoft.Extensions.Configuration;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>How the local stand-in for the AWS DataStack runs: the <c>LocalEmulation</c> configuration section.</summary>
/// <param name="UseContainers">Serve the same names from Docker containers instead of native processes (<c>Mode=Containers</c>).</param>
/// <param name="UseCloud">Start nothing locally and bind the names to the deployed AWS stack (<c>Mode=Cloud</c>).</param>
/// <param name="StateDirectory">Where the native servers keep their data; null means <c>&lt;repo&gt;/.local</c>.</param>
/// <param name="Reset">Wipe the state folder before starting (<c>--reset</c>).</param>
/// <param name="RedisPrimaries">Primaries of the Redis cluster; at least 3, so a majority survives a failover.</param>
/// <param name="RedisReplicasPerPrimary">Replicas per primary.</param>
/// <param name="SlowStatement">Statements slower than this are written to the PostgreSQL log (the slow-query log).</param>
internal sealed record LocalEmulationOptions(
    bool UseContainers,
    bool UseCloud,
    string? StateDirectory,
    bool Reset,
    int RedisPrimaries,
    int RedisReplicasPerPrimary,
    TimeSpan SlowStatement)
{
    public const string Section = "LocalEmulation";

    public static LocalEmulationOptions From(IConfiguration configuration, IReadOnlyList<string> args)
    {
        var section = configuration.GetSection(Section);
        var mode = section["Mode"] ?? "Native";
        string[] modes = ["Native", "Containers", "Cloud"];
        if (!modes.Contains(mode, StringComparer.OrdinalIgnoreCase))
        {
            throw new LocalEmulationException($"{Section}:Mode is '{mode}'; allowed: Native (default), Containers or Cloud.");
        }

        return new LocalEmulationOptions(
            UseContainers: mode.Equals("Containers", StringComparison.OrdinalIgnoreCase),
            UseCloud: mode.Equals("Cloud", StringComparison.OrdinalIgnoreCase),
            StateDirectory: string.IsNullOrWhiteSpace(section["StateDirectory"]) ? null : section["StateDirectory"],
            Reset: args.Contains("--reset") || section.GetValue<bool>("Reset"),
            RedisPrimaries: section.GetValue("Redis:Primaries", 3),
            RedisReplicasPerPrimary: section.GetValue("Redis:ReplicasPerPrimary", 1),
            SlowStatement: TimeSpan.FromMilliseconds(section.GetValue("SlowStatementMs", 200)));
    }
}
