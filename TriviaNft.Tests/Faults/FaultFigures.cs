using Npgsql;
using StackExchange.Redis;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriviaNft.Tests.Faults;

/// <summary>
/// What a fault scenario measured: operations attempted and succeeded, errors by type, completions acknowledged and
/// found again, data lost, recovery time. Thread-safe: every player of the load records into it.
/// </summary>
public sealed class FaultFigures(string scenario, int players)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, long> _attempted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _succeeded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Guid> _acknowledged = [];
    private readonly ConcurrentBag<Guid> _unacknowledged = [];
    private readonly ConcurrentDictionary<string, double> _measures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, int> _starts = new();
    private long _lastErrorTicks = -1;
    private long _maxCallTicks;

    /// <summary>The scenario's name, also the JSON file's name.</summary>
    public string Scenario { get; } = scenario;

    /// <summary>Completions acknowledged to their caller: each must be in PostgreSQL.</summary>
    public IReadOnlyCollection<Guid> Acknowledged => _acknowledged;

    /// <summary>Completions whose call failed: each may or may not have committed (the caller could not know).</summary>
    public IReadOnlyCollection<Guid> Unacknowledged => _unacknowledged;

    /// <summary>Errors by "operation: exception type".</summary>
    public IReadOnlyDictionary<string, long> Errors => _errors;

    /// <summary>Counts of notable events (session state lost, stuck start …).</summary>
    public IReadOnlyDictionary<string, long> Events => _events;

    /// <summary>Calls that failed with an exception that is not one of the data layer's typed errors.</summary>
    public long UntypedErrors => _errors.Where(e => e.Key.Contains("untyped", StringComparison.Ordinal)).Sum(e => e.Value);

    /// <summary>The longest single call, failed or not: what a caller waited at worst.</summary>
    public TimeSpan LongestCall => TimeSpan.FromTicks(Interlocked.Read(ref _maxCallTicks));

    /// <summary>Time since the scenario began.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>When the fault was injected (since the scenario began).</summary>
    public TimeSpan? FaultAt { get; set; }

    /// <summary>When the fault was repaired (server back, failover done), if the scenario repairs it.</summary>
    public TimeSpan? RepairedAt { get; set; }

    /// <summary>The last error seen, since the scenario began.</summary>
    public TimeSpan? LastErrorAt => Interlocked.Read(ref _lastErrorTicks) is var t and >= 0 ? TimeSpan.FromTicks(t) : null;

    /// <summary>Completions acknowledged after the fault was repaired: proof that callers resumed.</summary>
    public long AcknowledgedAfterRepair => Interlocked.Read(ref _afterRepair);

    private long _afterRepair;

    internal void Attempt(string operation) => _attempted.AddOrUpdate(operation, 1, (_, n) => n + 1);

    internal void Success(string operation, TimeSpan took)
    {
        _succeeded.AddOrUpdate(operation, 1, (_, n) => n + 1);
        Longest(took);
    }

    internal void Error(string operation, Exception error, TimeSpan took, bool typed)
    {
        var sqlState = (error as PostgresException ?? error.InnerException as PostgresException)?.SqlState
            ?? (error as RedisServerException ?? error.InnerException as RedisServerException)?.Message.Split(' ', 2)[0];
        var key = $"{operation}: {(typed ? string.Empty : "untyped ")}{error.GetType().Name}{(sqlState is null ? string.Empty : $" ({sqlState})")}";
        _errors.AddOrUpdate(key, 1, (_, n) => n + 1);
        Longest(took);
        var now = _clock.Elapsed.Ticks;
        long seen;
        while ((seen = Interlocked.Read(ref _lastErrorTicks)) < now && Interlocked.CompareExchange(ref _lastErrorTicks, now, seen) != seen)
        {
        }
    }

    internal void Event(string name) => _events.AddOrUpdate(name, 1, (_, n) => n + 1);

    internal void Acknowledge(Guid sessionId)
    {
        _acknowledged.Add(sessionId);
        if (RepairedAt is { } repaired && _clock.Elapsed > repaired)
        {
            Interlocked.Increment(ref _afterRepair);
        }
    }

    /// <summary>Sessions each player was told had started.</summary>
    public IReadOnlyDictionary<Guid, int> Starts => _starts;

    internal void Started(Guid playerId) => _starts.AddOrUpdate(playerId, 1, (_, n) => n + 1);

    internal void Unacknowledge(Guid sessionId) => _unacknowledged.Add(sessionId);

    /// <summary>Records a figure measured after the load (data found, lost, rebuild results …).</summary>
    public void Measure(string name, double value) => _measures[name] = value;

    /// <summary>Writes the figures as JSON to <c>artifacts/reliability/&lt;scenario&gt;.json</c> and returns the JSON.</summary>
    public string Write()
    {
        var report = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["scenario"] = Scenario,
            ["mode"] = FaultSizes.Current.Name,
            ["players"] = players,
            ["attempted"] = new SortedDictionary<string, long>(_attempted, StringComparer.Ordinal),
            ["succeeded"] = new SortedDictionary<string, long>(_succeeded, StringComparer.Ordinal),
            ["errors"] = new SortedDictionary<string, long>(_errors, StringComparer.Ordinal),
            ["events"] = new SortedDictionary<string, long>(_events, StringComparer.Ordinal),
            ["acknowledgedCompletions"] = _acknowledged.Count,
            ["acknowledgedAfterRepair"] = AcknowledgedAfterRepair,
            ["unacknowledgedCompletions"] = _unacknowledged.Count,
            ["measures"] = new SortedDictionary<string, double>(_measures, StringComparer.Ordinal),
            ["faultAtSeconds"] = Seconds(FaultAt),
            ["repairedAtSeconds"] = Seconds(RepairedAt),
            ["lastErrorAtSeconds"] = Seconds(LastErrorAt),
            ["errorsEndedAfterFaultSeconds"] = LastErrorAt is { } last && FaultAt is { } fault ? Math.Round((last - fault).TotalSeconds, 2) : null,
            ["longestCallSeconds"] = Math.Round(LongestCall.TotalSeconds, 2),
            ["durationSeconds"] = Math.Round(_clock.Elapsed.TotalSeconds, 2),
        };
        var json = JsonSerializer.Serialize(report, Json);
        var directory = Path.Combine(RepositoryRoot(), "artifacts", "reliability");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, $"{Scenario}.json"), json);
        File.WriteAllText(Path.Combine(directory, $"{Scenario}.md"), MarkdownRow() + "\n");
        return json;
    }

    /// <summary>The scenario as one row of the table in docs/reliability.md (scripts/reliability.sh assembles them).</summary>
    public string MarkdownRow()
    {
        var errors = _errors.IsEmpty ? "none" : string.Join("<br>", _errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} ×{e.Value}"));
        var events = _events.IsEmpty ? "—" : string.Join("<br>", _events.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} ×{e.Value}"));
        var measures = string.Join("<br>", _measures.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value}"));
        var recovery = LastErrorAt is { } last && FaultAt is { } fault ? $"{(last - fault).TotalSeconds:0.0} s" : "no error";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Scenario} | {FaultSizes.Current.Name}, {players} players | {_attempted.Values.Sum()} | {_acknowledged.Count} ({AcknowledgedAfterRepair} after repair) | "
            + $"{errors} | {_measures.GetValueOrDefault("acknowledgedLost")} | {recovery} | {LongestCall.TotalSeconds:0.0} s | {events} | {measures} |");
    }

    private static double? Seconds(TimeSpan? value) => value is { } v ? Math.Round(v.TotalSeconds, 2) : null;

    private void Longest(TimeSpan took)
    {
        long seen;
        while ((seen = Interlocked.Read(ref _maxCallTicks)) < took.Ticks && Interlocked.CompareExchange(ref _maxCallTicks, took.Ticks, seen) != seen)
        {
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TriviaNft.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
