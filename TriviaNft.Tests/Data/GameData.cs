using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

/// <summary>Builds session completions and moves the seeded season around the test's clock, for the game-flow tests.</summary>
internal static class GameData
{
    /// <summary>
    /// A completion of 10 questions, the first <paramref name="correct"/> answered correctly, the rest answered
    /// wrongly, each in <paramref name="elapsedMs"/>; with <paramref name="forfeit"/> only <paramref name="served"/>
    /// questions were served.
    /// </summary>
    public static SessionCompletion Completion(
        Guid playerId, Guid categoryId, int correct, int elapsedMs = 2_000, bool forfeit = false, int served = 10,
        DateTimeOffset? endedAt = null)
    {
        var ended = endedAt ?? DateTimeOffset.UtcNow;
        return new SessionCompletion
        {
            SessionId = Guid.NewGuid(),
            PlayerId = playerId,
            CategoryId = categoryId,
            StartedAt = ended.AddMinutes(-2),
            EndedAt = ended,
            Forfeit = forfeit,
            Answers = [.. Enumerable.Range(0, served).Select(i => new SessionAnswer
            {
                QuestionId = Guid.NewGuid(),
                ChosenIndex = i < correct ? 0 : 1,
                IsCorrect = i < correct,
                ElapsedMs = elapsedMs,
            })],
        };
    }

    /// <summary>
    /// Makes the seeded active season (winter-s1) run from 30 days before <see cref="DateTimeOffset.UtcNow"/> to 60 days
    /// after it: the .NET clock is where <see cref="Completion"/> and the game take a session's end from.
    /// </summary>
    public static Task ActiveSeasonAroundNowAsync(MigratedDatabase db) => ActiveSeasonAroundAsync(db, DateTimeOffset.UtcNow);

    /// <summary>
    /// Makes the seeded active season (winter-s1) run from 30 days before <paramref name="at"/> to 60 days after it, so
    /// a session ending near <paramref name="at"/> earns its points whatever day the test runs on (the seeded dates
    /// hold one real season, which today may be before, inside or after).
    /// </summary>
    public static Task ActiveSeasonAroundAsync(MigratedDatabase db, DateTimeOffset at) =>
        MoveSeededSeasonAsync(db, at.AddDays(-30), at.AddDays(60));

    /// <summary>
    /// Moves the seeded active season (winter-s1) to start 30 days after <paramref name="at"/>: a session ending near
    /// <paramref name="at"/> falls in no season and earns no points, whatever day the test runs on.
    /// </summary>
    public static Task NoSeasonAroundAsync(MigratedDatabase db, DateTimeOffset at) =>
        MoveSeededSeasonAsync(db, at.AddDays(30), at.AddDays(120));

    // The instants come from the test's clock, not SQL now(): the test decides where its sessions end.
    private static Task MoveSeededSeasonAsync(MigratedDatabase db, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        db.ScalarAsync<int>(
            "UPDATE seasons SET starts_at = $1, ends_at = $2 WHERE id = 'winter-s1' RETURNING 1",
            startsAt.ToUniversalTime(), endsAt.ToUniversalTime());
}
