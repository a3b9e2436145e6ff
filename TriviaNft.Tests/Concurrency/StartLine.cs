using TriviaNft.Data.Errors;

namespace TriviaNft.Tests.Concurrency;

/// <summary>What one caller of a race got: its result, or the exception it ended with.</summary>
internal sealed record CallOutcome<T>(T? Value, Exception? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Runs many callers of one guard as a real race: every caller is started and parked on a gate, and only when all
/// of them are waiting is the gate opened, so they hit the servers together instead of one after another as
/// their tasks happen to be scheduled. Every caller's exception is captured, never thrown, so the test can say
/// which kinds of failure are allowed.
/// </summary>
internal static class StartLine
{
    /// <summary>Bounds every race, so a hang fails the test instead of stalling the run.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static async Task<CallOutcome<T>[]> RunAsync<T>(int callers, Func<int, Task<T>> call)
    {
        // RunContinuationsAsynchronously: opening the gate queues every waiting caller to the thread pool at once,
        // rather than running them one by one on the thread that opens it.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = 0;
        var tasks = Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref waiting) == callers)
            {
                allWaiting.SetResult();
            }

            await gate.Task;
            try
            {
                return new CallOutcome<T>(await call(i), null);
            }
            catch (Exception error)
            {
                return new CallOutcome<T>(default, error);
            }
        })).ToArray();

        await allWaiting.Task.WaitAsync(Timeout);
        gate.SetResult();
        return await Task.WhenAll(tasks).WaitAsync(Timeout);
    }

    /// <summary>"7 × Started, 93 × DataConflictException(eligibility.already-used)": what the callers got, for the test output.</summary>
    public static string Tally<T>(IEnumerable<CallOutcome<T>> outcomes, Func<T, string> label) =>
        string.Join(", ", outcomes
            .GroupBy(o => o.Error switch
            {
                null => label(o.Value!),
                DataConflictException c => $"{c.GetType().Name}({c.Rule})",
                DataValidationException v => $"{v.GetType().Name}({v.Rule})",
                { } e => e.GetType().Name,
            })
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Count()} × {g.Key}"));

    /// <summary>Fails with every unexpected exception's type and message, not just the first.</summary>
    public static void AssertOnlyFailures<T>(IEnumerable<CallOutcome<T>> outcomes, Func<Exception, bool> expected)
    {
        var unexpected = outcomes.Where(o => o.Error is { } e && !expected(e)).Select(o => $"{o.Error!.GetType().Name}: {o.Error.Message}").ToList();
        Assert.True(unexpected.Count == 0, "Unexpected failures:\n" + string.Join('\n', unexpected.Distinct()));
    }
}
