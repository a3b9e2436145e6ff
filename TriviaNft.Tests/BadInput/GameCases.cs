using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Tests.Redis;
using static TriviaNft.Tests.BadInput.BadInputKind;
using static TriviaNft.Tests.BadInput.Case;

namespace TriviaNft.Tests.BadInput;

/// <summary>The Redis game state (start, steps, release, limits) and the game façade over it.</summary>
internal static class GameCases
{
    public static IEnumerable<BadInputCase> All() =>
    [
        Missing("redis start null", w => w.ActiveSessions.StartAsync(null!)),
        Invalid(Identifier, "redis start of empty player id", w => w.ActiveSessions.StartAsync(Start(w) with { PlayerId = Guid.Empty }), "players.id"),
        Invalid(Identifier, "redis start of empty category id", w => w.ActiveSessions.StartAsync(Start(w) with { CategoryId = Guid.Empty }), "categories.id"),
        Invalid(Identifier, "redis start with empty session id", w => w.ActiveSessions.StartAsync(Start(w) with { SessionId = Guid.Empty }), "sessions.id"),
        Invalid(NullArgument, "redis start with null candidates", w => w.ActiveSessions.StartAsync(Start(w) with { Candidates = null! }), "session.candidates"),
        Invalid(Size, "redis start with 9 candidates", w => w.ActiveSessions.StartAsync(Start(w) with { Candidates = TestPlayers.Candidates(9) }), "session.candidates"),
        Invalid(Size, "redis start with 201 candidates", w => w.ActiveSessions.StartAsync(Start(w) with { Candidates = TestPlayers.Candidates(201) }), "session.candidates"),
        Invalid(Identifier, "redis start with an empty question id", w => w.ActiveSessions.StartAsync(Start(w) with
        {
            Candidates = [.. TestPlayers.Candidates(9), new SessionQuestion(Guid.Empty, 0)],
        }), "session.candidates"),
        Invalid(Number, "redis start with correct index 4", w => w.ActiveSessions.StartAsync(Start(w) with
        {
            Candidates = [.. TestPlayers.Candidates(9), new SessionQuestion(Guid.NewGuid(), 4)],
        }), "chk_questions_correct_index"),
        Invalid(Identifier, "redis start with a candidate twice", w => w.ActiveSessions.StartAsync(Start(w) with
        {
            Candidates = [.. Repeat(TestPlayers.Candidates(10))],
        }), "session.candidates"),
        Missing("redis serve with null handle", w => w.ActiveSessions.ServeQuestionAsync(null!, 0)),
        Invalid(Number, "redis serve question -1", w => w.ActiveSessions.ServeQuestionAsync(w.OwnSession, -1), "session.question_index"),
        Invalid(Number, "redis serve question 10", w => w.ActiveSessions.ServeQuestionAsync(w.OwnSession, 10), "session.question_index"),
        Invalid(Number, "redis serve question int.MaxValue", w => w.ActiveSessions.ServeQuestionAsync(w.OwnSession, int.MaxValue), "session.question_index"),
        Invalid(Number, "redis answer option 4", w => w.ActiveSessions.AnswerAsync(w.OwnSession, 0, 4), "session.chosen_index"),
        Invalid(Number, "redis answer option int.MinValue", w => w.ActiveSessions.AnswerAsync(w.OwnSession, 0, int.MinValue), "session.chosen_index"),
        Invalid(Identifier, "redis serve with a handle of empty player id", w => w.ActiveSessions.ServeQuestionAsync(w.OwnSession with { PlayerId = Guid.Empty }, 0), "players.id"),
        Invalid(Identifier, "redis serve with a handle of empty category id", w => w.ActiveSessions.ServeQuestionAsync(w.OwnSession with { CategoryId = Guid.Empty }, 0), "session.category_id"),
        Invalid(NullArgument, "redis serve with a null token", w => w.ActiveSessions.ServeQuestionAsync(w.OwnSession with { Token = null! }, 0), "session.token"),
        Invalid(Size, "redis serve with an empty token", w => w.ActiveSessions.ServeQuestionAsync(w.OwnSession with { Token = "" }, 0), "session.token"),
        Invalid(Size, "redis serve with a megabyte token", w => w.ActiveSessions.ServeQuestionAsync(w.OwnSession with { Token = Nasty.Megabyte }, 0), "session.token"),
        Invalid(Injection, "redis answer with a Lua-breaking token", w => w.ActiveSessions.AnswerAsync(w.OwnSession with { Token = "') redis.call('FLUSHALL') --" }, 0, 1), "session.token"),
        Refused(ForeignId, "redis serve of another player's session with a guessed token", w => w.ActiveSessions.ServeQuestionAsync(
            w.ForeignSession with { Token = Token() }, 0), r => r.Status == SessionStepStatus.NotFound),
        Refused(ForeignId, "redis answer of a finished session", w => w.ActiveSessions.AnswerAsync(w.FinishedSession, 0, 1), r => r.Status == SessionStepStatus.NotFound),
        Refused(ForeignId, "redis release of another player's session with a guessed token", w => w.ActiveSessions.CompleteAsync(
            w.ForeignSession with { Token = Token() }), r => r.Status == SessionReleaseStatus.NotHeld),
        Missing("redis release with null handle", w => w.ActiveSessions.CompleteAsync(null!)),
        Invalid(Identifier, "live session of empty player id", w => w.ActiveSessions.GetAsync(Guid.Empty), "players.id"),
        Invalid(Identifier, "daily usage of empty player id", w => w.DailyLimits.GetAsync(Guid.Empty, false), "players.id"),
        Invalid(Identifier, "seen questions of empty category id", w => w.Seen.GetAsync(w.Guest, Guid.Empty), "categories.id"),
        Invalid(Identifier, "session lock of empty player id", w => w.Locks.GetHeldUntilAsync(Guid.Empty), "players.id"),
        Invalid(Identifier, "cooldown of empty player id", w => w.Cooldowns.GetUntilAsync(Guid.Empty), "players.id"),

        Invalid(Identifier, "game start of empty player id", w => w.Game.StartAsync(Guid.Empty, w.CategoryId), "players.id"),
        NotFound(ForeignId, "game start of unknown player", w => w.Game.StartAsync(Guid.NewGuid(), w.CategoryId)),
        Invalid(Identifier, "game start in empty category id", w => w.Game.StartAsync(w.Guest, Guid.Empty), "questions.category_id"),
        Refused(ForeignId, "game start in unknown category", w => w.Game.StartAsync(w.Guest, Guid.NewGuid()),
            r => r.Result is SessionStartResult.NotEnoughQuestions { Unseen: 0 } && r.Session is null),
        Refused(ForeignId, "game serve of another player's session with a guessed token", w => w.Game.ServeAsync(
            w.ForeignSession with { Token = Token() }, 0), r => r.Status == SessionStepStatus.NotFound),
        Refused(ForeignId, "game answer of a finished session", w => w.Game.AnswerAsync(w.FinishedSession, 0, 1), r => r.Status == SessionStepStatus.NotFound),
        Invalid(Number, "game answer option -1", w => w.Game.AnswerAsync(w.OwnSession, 0, -1), "session.chosen_index"),
        Missing("game complete with null handle", w => w.Game.CompleteAsync(null!)),
        NotFound(ForeignId, "game complete of another player's session with a guessed token", w => w.Game.CompleteAsync(w.ForeignSession with { Token = Token() })),
        NotFound(ForeignId, "game complete of another player's session under my player id", w => w.Game.CompleteAsync(
            w.ForeignSession with { PlayerId = w.OwnSession.PlayerId })),
        // A finished session completed again is a retry: answered from the recorded row, nothing written.
        Refused(ForeignId, "game complete of a finished session", w => w.Game.CompleteAsync(w.FinishedSession), r => r.Outcome.IsReplay),
        Refused(ForeignId, "game forfeit of a finished session", w => w.Game.ForfeitAsync(w.FinishedSession), r => r.Outcome.IsReplay),
        NotFound(ForeignId, "game complete of a finished session under another player", w => w.Game.CompleteAsync(w.FinishedSession with { PlayerId = w.Guest })),
        NotFound(ForeignId, "game forfeit of a finished session under another player", w => w.Game.ForfeitAsync(w.FinishedSession with { PlayerId = w.Guest })),
        NotFound(ForeignId, "game forfeit of another player's session with a guessed token", w => w.Game.ForfeitAsync(w.ForeignSession with { Token = Token() })),
        Invalid(ForeignId, "game complete of an unanswered session", w => w.Game.CompleteAsync(w.OwnSession), "session.unfinished"),
        Invalid(Identifier, "game complete with a handle of empty player id", w => w.Game.CompleteAsync(w.OwnSession with { PlayerId = Guid.Empty }), "players.id"),
        Invalid(NullArgument, "game forfeit with a null token", w => w.Game.ForfeitAsync(w.OwnSession with { Token = null! }), "session.token"),
    ];

    private static SessionStartRequest Start(BadInputWorld world) => TestPlayers.Start(world.Guest, categoryId: world.CategoryId);

    private static IEnumerable<SessionQuestion> Repeat(IReadOnlyList<SessionQuestion> candidates) => [.. candidates.Take(9), candidates[0]];

    private static string Token() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
}
