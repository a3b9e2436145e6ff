using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data;

/// <summary>Builds session completions and moves the seeded season around "now", for the game-flow tests.</summary>
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

    /// <summary>Makes the seeded active season (winter-s1) run from 30 days ago to 60 days ahead.</summary>
    public static Task ActiveSeasonAroundNowAsync(MigratedDatabase db) =>
        db.ScalarAsync<int>("""
            UPDATE seasons SET starts_at = now() - interval '30 days', ends_at = now() + interval '60 days'
            WHERE id = 'winter-s1' RETURNING 1
            """);
}
