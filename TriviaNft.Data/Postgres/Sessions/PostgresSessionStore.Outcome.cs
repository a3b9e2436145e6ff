using Npgsql;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Sessions;

public sealed partial class PostgresSessionStore
{
    /// <summary>The active season a session's points go to: the one whose window holds the session's end.</summary>
    /// <summary>
    /// The season a session's points go to: the one whose [starts_at, ends_at) holds the session's end, if it is the
    /// active season or the season that starts exactly when the active one ends (created ahead by the season
    /// rollover). So a session ending just after the boundary, before the rollover has switched seasons, still lands
    /// in the new season: play never falls into a gap between the boundary and the job.
    /// </summary>
    private const string SeasonOfSession = """
        (season.is_active OR season.starts_at = (SELECT a.ends_at FROM seasons a WHERE a.is_active))
        AND season.starts_at <= s.ended_at AND s.ended_at < season.ends_at
        """;

    /// <inheritdoc />
    public async Task<SessionOutcome?> FindOutcomeAsync(Guid playerId, Guid sessionId, CancellationToken cancellationToken = default)
    {
        Guard.Id(playerId, "sessions.player_id", "The player id");
        Guard.Id(sessionId, "sessions.id", "The session id");
        return await Db.ReadAsync(database.Writer, async connection =>
        {
            await using var command = new NpgsqlCommand(OutcomeSql("false", "s.id = @id AND s.player_id = @playerId"), connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", sessionId));
            command.Parameters.Add(new NpgsqlParameter<Guid>("playerId", playerId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadOutcome(reader, sessionId) : null;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The outcome as the rows hold it, the same for a first call and a replay; <paramref name="recordedNow"/> tells
    /// whether THIS transaction inserted the session.
    /// </summary>
    private static string OutcomeSql(string recordedNow, string where) => $"""
        SELECT s.status, s.score, s.category_id, s.started_at, s.stake_key,
               {recordedNow} AS recorded_now,
               e.id AS eligibility_id, e.expires_at AS eligibility_expires_at, season.id AS season_id
        FROM sessions s
        LEFT JOIN eligibilities e ON e.session_id = s.id
        LEFT JOIN seasons season ON {SeasonOfSession}
        WHERE {where}
        """;

    /// <summary>Reads a completion's outcome; a session id already used for another session is a conflict.</summary>
    private SessionOutcome ReadOutcome(NpgsqlDataReader reader, SessionCompletion completion)
    {
        var outcome = ReadOutcome(reader, completion.SessionId);
        if (outcome.CategoryId != completion.CategoryId || reader.GetFieldValue<DateTimeOffset>(3) != completion.StartedAt.ToPostgres())
        {
            throw new Errors.DataConflictException("sessions.id-reused",
                "This session id was already recorded for another category or start time.");
        }

        return outcome;
    }

    private SessionOutcome ReadOutcome(NpgsqlDataReader reader, Guid sessionId)
    {
        var status = Enum.Parse<SessionStatus>(reader.GetString(0), ignoreCase: true);
        var score = reader.GetInt32(1);
        var stakeKey = reader.IsDBNull(4) ? null : reader.GetString(4);
        var seasonId = reader.IsDBNull(8) ? null : reader.GetString(8);
        var perfect = status != SessionStatus.Forfeit && score == _rules.QuestionsPerSession;
        var eligibilityId = reader.IsDBNull(6) ? (Guid?)null : reader.GetGuid(6);
        return new SessionOutcome
        {
            SessionId = sessionId,
            CategoryId = reader.GetGuid(2),
            StakeKey = stakeKey,
            Status = status,
            Score = score,
            IsPerfect = perfect,
            IsReplay = !reader.GetBoolean(5),
            EligibilityId = eligibilityId,
            EligibilityExpiresAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
            EligibilityBlocked = perfect && eligibilityId is null,
            SeasonId = stakeKey is not null ? seasonId : null,
            PointsAdded = stakeKey is not null && seasonId is not null ? PointsFor(score, perfect) : 0,
        };
    }
}
