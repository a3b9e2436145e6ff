using System.Text.Json;
using Npgsql;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Sessions;

public sealed partial class PostgresSessionStore
{

    /// <inheritdoc />
    public async Task<SessionOutcome> CompleteAsync(SessionCompletion completion, CancellationToken cancellationToken = default)
    {
        Validate(completion);
        var score = completion.Answers.Count(a => a.IsCorrect);
        var perfect = !completion.Forfeit && score == _rules.QuestionsPerSession;
        var status = StatusOf(completion, score);
        try
        {
            // One implicit transaction (the batch alone, no BEGIN/COMMIT): one round trip instead of two. Reading the
            // reader to its end, when it is disposed, waits for the commit and surfaces any error of it.
            return await Db.WriteBatchAsync(database.Writer, async connection =>
            {
                await using var batch = CompletionBatch(connection, completion, status, score, perfect);
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    // Neither inserted nor found: the INSERT … SELECT found no player.
                    throw new DataNotFoundException("player", completion.PlayerId.ToString());
                }

                var outcome = ReadOutcome(reader, completion);
                await reader.DisposeAsync().ConfigureAwait(false);
                return outcome;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DataValidationException error) when (error.Rule == "fk_sessions_player_id")
        {
            // The player row went away between our read and the foreign key check (a guest merge committed).
            throw new DataNotFoundException("player", completion.PlayerId.ToString());
        }
    }

    /// <summary>
    /// The whole completion in one round trip and one (implicit) transaction. Statement 1 inserts the session unless its id exists
    /// (a concurrent second call waits for the first to commit, then does nothing). Statements 2–5 (touch the player,
    /// expire an overdue grant, grant, season points) run only when THIS transaction inserted the row —
    /// <c>xmin = pg_current_xact_id()</c> — so a replay writes nothing, yet none of them waits for a result in C#.
    /// Statement 6 reads the outcome from the rows, the same way for a first call and a replay. Separate statements, not one statement of CTEs: each sees the previous one's writes, so the
    /// overdue grant is expired before the new one needs its place in uq_eligibilities_active_category.
    /// </summary>
    private NpgsqlBatch CompletionBatch(
        NpgsqlConnection connection, SessionCompletion completion, SessionStatus status, int score, bool perfect)
    {
        const string mine = "s.id = @id AND s.xmin = pg_current_xact_id()::xid";
        const string season = SeasonOfSession;
        var id = completion.SessionId;
        var now = _clock.GetUtcNow().ToPostgres();
        var batch = new NpgsqlBatch(connection);
        batch.Add("""
            INSERT INTO sessions (id, player_id, stake_key, anon_id, category_id, status, started_at, ended_at, score, total_ms, questions)
            SELECT @id, p.id, p.stake_key, p.anon_id, @categoryId, @status, @startedAt, @endedAt, @score, @totalMs, @questions::jsonb
            FROM players p WHERE p.id = @playerId
            ON CONFLICT (id) DO NOTHING
            """).With("id", id).With("playerId", completion.PlayerId).With("categoryId", completion.CategoryId)
            .With("status", status.ToString().ToLowerInvariant()).With("startedAt", completion.StartedAt.ToPostgres())
            .With("endedAt", completion.EndedAt.ToPostgres()).With("score", score)
            .With("totalMs", CountedMs(completion.Answers)).With("questions", JsonSerializer.Serialize(completion.Answers, SessionJsonContext.Default.IReadOnlyListSessionAnswer));
        // Playing is activity: the guest retention purge must not take a player who just played.
        batch.Add($"UPDATE players p SET last_seen_at = @now FROM sessions s WHERE {mine} AND p.id = s.player_id").With("id", id).With("now", now);
        batch.Add($"""
            UPDATE eligibilities e SET status = 'expired'
            FROM sessions s
            WHERE {mine} AND @perfect
              AND e.player_id = s.player_id AND e.category_id = s.category_id
              AND e.type = 'category' AND e.status = 'active' AND e.expires_at <= @now
            """).With("id", id).With("perfect", perfect).With("now", now);
        batch.Add($"""
            INSERT INTO eligibilities (type, category_id, season_id, player_id, stake_key, anon_id, expires_at, session_id)
            SELECT 'category', s.category_id, season.id, s.player_id, s.stake_key, s.anon_id,
                   @now + make_interval(mins => CASE WHEN s.stake_key IS NULL THEN @guestMinutes ELSE @connectedMinutes END),
                   s.id
            FROM sessions s LEFT JOIN seasons season ON {season}
            WHERE {mine} AND @perfect
            ON CONFLICT (player_id, category_id) WHERE status = 'active' AND type = 'category' DO NOTHING
            """).With("id", id).With("perfect", perfect).With("now", now)
            .With("guestMinutes", _rules.GuestEligibilityMinutes).With("connectedMinutes", _rules.ConnectedEligibilityMinutes);
        AddSeasonPoints(batch, mine, season, id, completion, score, perfect);
        batch.Add(OutcomeSql("s.xmin = pg_current_xact_id()::xid", "s.id = @id")).With("id", id);
        return batch;
    }
}
