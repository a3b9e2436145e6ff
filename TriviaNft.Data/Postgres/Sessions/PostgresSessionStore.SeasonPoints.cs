using Npgsql;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Sessions;

public sealed partial class PostgresSessionStore
{
    /// <summary>
    /// The season points upsert, for a wallet-connected player whose session ended inside the active season.
    /// <list type="bullet">
    /// <item><c>points</c> += correct × <see cref="GameRules.PointsPerCorrectAnswer"/> + <see cref="GameRules.PerfectSessionBonus"/>
    /// if perfect (a forfeit keeps its correct answers' points, never the bonus).</item>
    /// <item><c>perfect_scores</c> += 1 if perfect; <c>sessions_used</c> += 1 for every session, forfeits included.</item>
    /// <item><c>avg_answer_ms</c>: every session weighs Q = <see cref="GameRules.QuestionsPerSession"/> question times
    /// (<c>total_ms</c>, see <c>CountedMs</c>), so with n = sessions_used before the session the new value is
    /// round_half_up((avg × n × Q + total_ms) / ((n + 1) × Q)), in integer arithmetic. The first session sets
    /// round_half_up(total_ms / Q).</item>
    /// <item><c>first_achieved_at</c>: the moment the current points total was reached — the session's end when it
    /// added points, unchanged when it added none — so of two equal totals the one reached first ranks first.</item>
    /// </list>
    /// All on the row under the upsert's lock, in one statement: concurrent sessions of one wallet cannot lose an update.
    /// </summary>
    private void AddSeasonPoints(
        NpgsqlBatch batch, string mine, string season, Guid id, SessionCompletion completion, int score, bool perfect)
    {
        batch.Add($"""
            INSERT INTO season_points AS sp (season_id, stake_key, points, perfect_scores, avg_answer_ms, sessions_used, first_achieved_at)
            SELECT season.id, s.stake_key, @points, @perfectCount, (s.total_ms + @q / 2) / @q, 1, s.ended_at
            FROM sessions s JOIN seasons season ON {season}
            WHERE {mine} AND s.stake_key IS NOT NULL
            ON CONFLICT (season_id, stake_key) DO UPDATE SET
                points = sp.points + EXCLUDED.points,
                perfect_scores = sp.perfect_scores + EXCLUDED.perfect_scores,
                avg_answer_ms = ((sp.avg_answer_ms::bigint * sp.sessions_used * @q + @totalMs
                                  + (sp.sessions_used + 1)::bigint * @q / 2)
                                 / ((sp.sessions_used + 1)::bigint * @q))::int,
                sessions_used = sp.sessions_used + 1,
                first_achieved_at = CASE WHEN EXCLUDED.points > 0 THEN EXCLUDED.first_achieved_at ELSE sp.first_achieved_at END,
                updated_at = now()
            """).With("id", id).With("points", PointsFor(score, perfect)).With("perfectCount", perfect ? 1 : 0)
            .With("q", _rules.QuestionsPerSession).With("totalMs", CountedMs(completion.Answers));
    }
}
