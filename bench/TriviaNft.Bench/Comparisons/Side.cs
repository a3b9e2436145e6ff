using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TriviaNft.Data.Errors;

namespace TriviaNft.Bench.Comparisons;

/// <summary>What one side of a round did: its result and how long it took, or why it failed.</summary>
internal sealed record SideOutcome<T>(T? Value, TimeSpan Elapsed, string? Error)
{
    /// <summary>For the report: the time, or the failure and when it came.</summary>
    public string Describe(Func<T, TimeSpan> time) =>
        Error is null
            ? string.Create(CultureInfo.InvariantCulture, $"{time(Value!).TotalSeconds:0.000} s")
            : string.Create(CultureInfo.InvariantCulture, $"failed after {Elapsed.TotalSeconds:0.0} s ({Error})");
}

/// <summary>
/// Runs one side of a round and keeps its failure rather than throwing it: when ours fails, psql still runs, so
/// the report says whether the work itself fails here (e.g. past the proxy's statement timeout) or only ours does.
/// </summary>
internal static class Side
{
    public static async Task<SideOutcome<T>> RunAsync<T>(Func<Task<T>> side)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var value = await side().ConfigureAwait(false);
            return new SideOutcome<T>(value, Stopwatch.GetElapsedTime(started), null);
        }
        catch (Exception ex) when (ex is TriviaNftDataException or NpgsqlException or InvalidOperationException or FormatException)
        {
            return new SideOutcome<T>(default, Stopwatch.GetElapsedTime(started), Reason(ex));
        }
    }

    /// <summary>
    /// The message, and PostgreSQL's own when the data layer wrapped it: its "could not be reached" hides, for
    /// instance, a statement cancelled by the proxy's statement timeout.
    /// </summary>
    private static string Reason(Exception ex) =>
        ex.InnerException is PostgresException postgres ? $"{ex.Message} PostgreSQL: {postgres.MessageText}" : ex.Message;
}

/// <summary>A comparison's sanity checks: each side must have done the whole work, or its time means nothing.</summary>
internal static class Check
{
    /// <exception cref="InvalidOperationException"><paramref name="condition"/> is false.</exception>
    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }
}
