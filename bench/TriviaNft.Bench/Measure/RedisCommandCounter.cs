using System.Collections.Concurrent;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace TriviaNft.Bench.Measure;

/// <summary>
/// Counts the Redis commands each operation sends, with StackExchange.Redis profiling sessions: the session of
/// the current async flow (an <see cref="AsyncLocal{T}"/>) collects every command issued inside it. The façade
/// awaits each command before the next, so commands per operation are its round trips.
/// </summary>
internal sealed class RedisCommandCounter
{
    private static readonly AsyncLocal<ProfilingSession?> Current = new();
    private readonly ConcurrentDictionary<string, (long Operations, long Commands)> _totals = new();
    private readonly ConcurrentDictionary<string, int> _commandNames = new();

    public RedisCommandCounter(IConnectionMultiplexer multiplexer) => multiplexer.RegisterProfiler(() => Current.Value);

    /// <summary>Runs <paramref name="operation"/> in its own profiling session and adds its commands to <paramref name="name"/>.</summary>
    public async Task<T> CountAsync<T>(string name, Func<Task<T>> operation)
    {
        var session = new ProfilingSession();
        Current.Value = session;
        try
        {
            return await operation().ConfigureAwait(false);
        }
        finally
        {
            Current.Value = null;
            var commands = session.FinishProfiling().ToList();
            _totals.AddOrUpdate(name, (1, commands.Count), (_, t) => (t.Operations + 1, t.Commands + commands.Count));
            foreach (var command in commands)
            {
                _commandNames.AddOrUpdate($"{name}: {command.Command}", 1, (_, n) => n + 1);
            }
        }
    }

    /// <summary>Average commands per operation of <paramref name="name"/>.</summary>
    public double PerOperation(string name) =>
        _totals.TryGetValue(name, out var t) && t.Operations > 0 ? (double)t.Commands / t.Operations : double.NaN;

    /// <summary>Which commands each operation sent ("start: EVALSHA" → count), for the report.</summary>
    public IReadOnlyDictionary<string, int> CommandNames => _commandNames;
}
