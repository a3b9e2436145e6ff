using System.Globalization;
using TriviaNft.Bench.Comparisons;

namespace TriviaNft.Bench.Report;

/// <summary>Where and when the run happened, for the report's header.</summary>
internal sealed record MachineInfo(int Cores, long MemoryMiB, string Cpu, string LoadAverage, string Os, string Commit, DateTimeOffset Date)
{
    public static async Task<MachineInfo> ReadAsync(CancellationToken cancellationToken)
    {
        var memInfo = ReadOrEmpty("/proc/meminfo").Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var memory = memInfo is null ? 0 : long.Parse(memInfo["MemTotal:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024;
        var cpu = ReadOrEmpty("/proc/cpuinfo").Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var load = string.Join(' ', ReadOrEmpty("/proc/loadavg").Split(' ').Take(3));
        string commit;
        try
        {
            var (output, _) = await ToolRunner.RunAsync("git", ["rev-parse", "--short", "HEAD"], new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
            var (status, _) = await ToolRunner.RunAsync("git", ["status", "--porcelain", "--untracked-files=no"], new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
            commit = output.Trim() + (status.Trim().Length > 0 ? " (with uncommitted changes)" : string.Empty);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            commit = "unknown (not a git checkout)";
        }

        return new MachineInfo(Environment.ProcessorCount, memory, cpu, load, System.Runtime.InteropServices.RuntimeInformation.OSDescription, commit, DateTimeOffset.UtcNow);
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;
}
