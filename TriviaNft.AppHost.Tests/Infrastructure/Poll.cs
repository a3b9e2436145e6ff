namespace TriviaNft.AppHost.Tests.Infrastructure;

/// <summary>Waits for a condition that becomes true asynchronously (replication, log delivery), with a deadline.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var value = await probe().WaitAsync(deadline.Token);
            if (done(value))
            {
                return value;
            }

            try
            {
                await Task.Delay(Interval, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The condition was not met within {timeout.TotalSeconds:0} s; last value: {value}.");
            }
        }
    }
}
