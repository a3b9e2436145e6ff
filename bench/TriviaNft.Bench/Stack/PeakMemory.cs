using System.Globalization;

namespace TriviaNft.Bench.Stack;

/// <summary>
/// Peak memory of the local stack from /proc: the sum of VmHWM (peak resident set) of the postmaster and its
/// children (backends, background workers), PgBouncer and the Redis nodes. Shared buffers count once per
/// PostgreSQL process that touched them, so the sum is an upper bound of what the stack really held.
/// </summary>
internal sealed class PeakMemory(LocalStack stack)
{
    private long _maxKib;

    public long PeakMiB => _maxKib / 1024;

    /// <summary>Samples now (call after each phase: a backend that exited takes its peak with it).</summary>
    public void Sample()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var total = Pids().Sum(HighWaterMarkKib);
        _maxKib = Math.Max(_maxKib, total);
    }

    private IEnumerable<int> Pids()
    {
        var postmaster = ReadPostmasterPid();
        var redisAddresses = stack.RedisPorts.Select(p => $"127.0.0.1:{p}").ToList();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var cmdline = Read(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            var isOurs = pid == postmaster
                || (postmaster > 0 && ParentOf(directory) == postmaster)
                || (cmdline.Contains("pgbouncer", StringComparison.Ordinal) && cmdline.Contains(stack.Root, StringComparison.Ordinal))
                || (cmdline.StartsWith("redis-server", StringComparison.Ordinal) && redisAddresses.Any(a => cmdline.Contains(a, StringComparison.Ordinal)));
            if (isOurs)
            {
                yield return pid;
            }
        }
    }

    private int ReadPostmasterPid()
    {
        var first = Read(Path.Combine(stack.PostgresDataDirectory, "postmaster.pid")).Split('\n')[0];
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : -1;
    }

    private static int ParentOf(string directory)
    {
        // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after the last ')'.
        var stat = Read(Path.Combine(directory, "stat"));
        var close = stat.LastIndexOf(')');
        if (close < 0 || close + 2 > stat.Length)
        {
            return -1; // the process ended between the listing and the read (other builds start and end processes all along)
        }

        var fields = stat[(close + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid) ? ppid : -1;
    }

    private static long HighWaterMarkKib(int pid)
    {
        var line = Read($"/proc/{pid}/status").Split('\n').FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty; // the process ended meanwhile
        }
    }
}
