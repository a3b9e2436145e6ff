using System.Diagnostics;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Game;
using TriviaNft.Data.Redis.Sessions;

namespace TriviaNft.Tests.Faults;

/// <summary>
/// Concurrent players playing whole sessions through <see cref="IGameSessions"/> as a game client would: each step
/// retried on the data layer's transient errors (<see cref="DataUnavailableException"/>,
/// <see cref="DataConcurrencyException"/>) until it succeeds. Every call, error and acknowledged completion goes into
/// <see cref="FaultFigures"/>. A player stops when told to, or at its daily limit.
/// </summary>
public sealed class FaultLoad(IGameSessions game, Guid categoryId, IReadOnlyList<Guid> players, FaultFigures figures)
{
    /// <summary>The event recorded when a session's live state is gone from Redis.</summary>
    public const string SessionLost = "session state lost in Redis";

    private static readonly TimeSpan ThinkTime = TimeSpan.FromMilliseconds(10);

    /// <summary>Plays until <paramref name="stop"/> is cancelled (the session under way is finished first).</summary>
    public Task RunAsync(CancellationToken stop) => Task.WhenAll(players.Select(p => Task.Run(() => PlayAsync(p, stop), CancellationToken.None)));

    private async Task PlayAsync(Guid player, CancellationToken stop)
    {
        try
        {
            await PlayUntilStoppedAsync(player, stop);
        }
        catch (Exception ex)
        {
            // Recorded, not thrown: the scenario still measures the others, and its assertions name the failure.
            figures.Event($"player stopped by {ex.GetType().Name}");
        }
    }

    private async Task PlayUntilStoppedAsync(Guid player, CancellationToken stop)
    {
        for (var played = 0; !stop.IsCancellationRequested; played++)
        {
            var start = await CallAsync("start", () => game.StartAsync(player, categoryId));
            switch (start.Result)
            {
                case SessionStartResult.Started started:
                    figures.Started(player);
                    // Every other session is perfect (eligibility and bonus written in the same transaction).
                    await PlaySessionAsync(started.Session, perfect: played % 2 == 0);
                    break;
                case SessionStartResult.LimitReached:
                    figures.Event("player reached its daily limit");
                    return;
                case SessionStartResult.AlreadyActive:
                    // A start whose reply was lost may have taken the lock: without its token the session cannot go on.
                    figures.Event("start refused: a session is already active");
                    return;
                default:
                    figures.Event($"start refused: {start.Result.GetType().Name}");
                    return;
            }
        }
    }

    private async Task PlaySessionAsync(ActiveSession session, bool perfect)
    {
        var handle = session.Handle;
        foreach (var question in session.Questions)
        {
            var served = await CallAsync("serve", () => game.ServeAsync(handle, question.Index));
            var answered = served.Status is SessionStepStatus.Ok or SessionStepStatus.OutOfOrder
                ? await CallAsync("answer", () => game.AnswerAsync(handle, question.Index, perfect || question.Index < 7 ? question.CorrectIndex : (question.CorrectIndex + 1) % 4))
                : served;
            if (answered.Status is SessionStepStatus.NotFound)
            {
                // The live state is gone (Redis lost it): nothing can complete it; PostgreSQL never saw it.
                figures.Event(SessionLost);
                return;
            }

            // A player's think time: keeps the load a steady stream of sessions rather than a hot loop.
            await Task.Delay(ThinkTime);
        }

        await CompleteAsync(handle);
    }

    private async Task CompleteAsync(SessionHandle handle)
    {
        var failedBefore = false;
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            figures.Attempt("complete");
            var call = Stopwatch.StartNew();
            try
            {
                await game.CompleteAsync(handle).WaitAsync(FaultSizes.CallBound);
                figures.Success("complete", call.Elapsed);
                figures.Acknowledge(handle.SessionId);
                return;
            }
            catch (DataNotFoundException ex)
            {
                figures.Error("complete", ex, call.Elapsed, typed: true);
                // After a failed attempt the first one may have committed and released the session: not an error of
                // the data layer, but the caller never got its acknowledgement.
                figures.Event(failedBefore ? "completion outcome unknown to the caller" : SessionLost);
                figures.Unacknowledge(handle.SessionId);
                return;
            }
            catch (DataValidationException ex)
            {
                // Answers written to a Redis primary that died before replicating them are gone: forfeit instead.
                figures.Error("complete", ex, call.Elapsed, typed: true);
                figures.Event("answers lost in Redis: forfeited");
                await CallAsync("forfeit", () => game.ForfeitAsync(handle));
                figures.Acknowledge(handle.SessionId);
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && deadline.Elapsed < FaultSizes.RetryBound)
            {
                figures.Error("complete", ex, call.Elapsed, typed: true);
                failedBefore = true;
                await Task.Delay(50);
            }
            catch (Exception ex) when (ex is not TriviaNftDataException)
            {
                figures.Error("complete", ex, call.Elapsed, typed: false);
                figures.Unacknowledge(handle.SessionId);
                return;
            }
        }
    }

    private async Task<T> CallAsync<T>(string operation, Func<Task<T>> call)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            figures.Attempt(operation);
            var took = Stopwatch.StartNew();
            try
            {
                var result = await call().WaitAsync(FaultSizes.CallBound);
                figures.Success(operation, took.Elapsed);
                return result;
            }
            catch (Exception ex) when (IsTransient(ex) && deadline.Elapsed < FaultSizes.RetryBound)
            {
                figures.Error(operation, ex, took.Elapsed, typed: true);
                await Task.Delay(50);
            }
            catch (Exception ex)
            {
                figures.Error(operation, ex, took.Elapsed, typed: ex is TriviaNftDataException);
                throw;
            }
        }
    }

    private static bool IsTransient(Exception ex) => ex is DataUnavailableException or DataConcurrencyException;
}
