using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Tests.Data;
using static TriviaNft.Tests.BadInput.BadInputKind;
using static TriviaNft.Tests.BadInput.Case;

namespace TriviaNft.Tests.BadInput;

/// <summary>Recording sessions, history, seasons and eligibilities.</summary>
internal static class SessionCases
{
    public static IEnumerable<BadInputCase> All() =>
    [
        Missing("complete null", w => w.Sessions.CompleteAsync(null!)),
        Invalid(Identifier, "complete with empty session id", w => w.Sessions.CompleteAsync(Valid(w) with { SessionId = Guid.Empty }), "sessions.id"),
        Invalid(Identifier, "complete with empty player id", w => w.Sessions.CompleteAsync(Valid(w) with { PlayerId = Guid.Empty }), "sessions.player_id"),
        Invalid(Identifier, "complete with empty category id", w => w.Sessions.CompleteAsync(Valid(w) with { CategoryId = Guid.Empty }), "sessions.category_id"),
        Invalid(Number, "complete started at default", w => w.Sessions.CompleteAsync(Valid(w) with { StartedAt = default }), "sessions.started_at"),
        Invalid(Number, "complete ended at MaxValue", w => w.Sessions.CompleteAsync(Valid(w) with { EndedAt = DateTimeOffset.MaxValue }), "sessions.ended_at"),
        Invalid(Number, "complete ending before it starts", w => w.Sessions.CompleteAsync(Valid(w) with { EndedAt = DateTimeOffset.UtcNow.AddHours(-1) }), "chk_sessions_time_order"),
        Invalid(NullArgument, "complete with null answers", w => w.Sessions.CompleteAsync(Valid(w) with { Answers = null! }), "sessions.answers"),
        Invalid(NullArgument, "complete with a null answer", w => w.Sessions.CompleteAsync(Valid(w) with { Answers = [.. Valid(w).Answers.Take(9), null!] }), "sessions.answers"),
        Invalid(Size, "complete with 11 answers", w => w.Sessions.CompleteAsync(Valid(w) with { Answers = [.. Valid(w).Answers, Answer()] }), "sessions.answers"),
        Invalid(Size, "complete a finished session with 9 answers", w => w.Sessions.CompleteAsync(Valid(w) with { Answers = [.. Valid(w).Answers.Take(9)] }), "sessions.answers"),
        Invalid(Number, "answer choosing option 4", w => w.Sessions.CompleteAsync(WithAnswer(w, Answer() with { ChosenIndex = 4 })), "sessions.answers"),
        Invalid(Number, "answer choosing option -1", w => w.Sessions.CompleteAsync(WithAnswer(w, Answer() with { ChosenIndex = -1 })), "sessions.answers"),
        Invalid(Number, "answer taking -1 ms", w => w.Sessions.CompleteAsync(WithAnswer(w, Answer() with { ElapsedMs = -1 })), "sessions.answers"),
        Invalid(Number, "answer taking int.MaxValue ms", w => w.Sessions.CompleteAsync(WithAnswer(w, Answer() with { ElapsedMs = int.MaxValue })), "sessions.answers"),
        Invalid(Number, "unanswered question marked correct", w => w.Sessions.CompleteAsync(WithAnswer(w, Answer() with { ChosenIndex = null, IsCorrect = true })), "sessions.answers"),
        Invalid(Identifier, "answer to an empty question id", w => w.Sessions.CompleteAsync(WithAnswer(w, Answer() with { QuestionId = Guid.Empty })), "sessions.answers"),
        Invalid(Identifier, "the same question answered twice", w => w.Sessions.CompleteAsync(Repeating(w)), "sessions.answers"),
        NotFound(ForeignId, "complete for an unknown player", w => w.Sessions.CompleteAsync(Valid(w) with { PlayerId = Guid.NewGuid() })),
        Invalid(ForeignId, "complete in an unknown category", w => w.Sessions.CompleteAsync(Valid(w) with { CategoryId = Guid.NewGuid() })),
        Conflict(ForeignId, "complete reusing a finished session's id for another category", w => w.Sessions.CompleteAsync(
            Valid(w) with { SessionId = w.FinishedSession.SessionId, CategoryId = w.Science }), "sessions.id-reused"),

        Invalid(Identifier, "history of empty player id", w => w.Sessions.ListForPlayerAsync(Guid.Empty), "sessions.player_id"),
        Invalid(Number, "history page of 0", w => w.Sessions.ListForPlayerAsync(w.Wallet, 0), "page.limit"),
        Invalid(Number, "history page of -1", w => w.Sessions.ListForPlayerAsync(w.Wallet, -1), "page.limit"),
        Invalid(Number, "history page of int.MaxValue", w => w.Sessions.ListForPlayerAsync(w.Wallet, int.MaxValue), "page.limit"),
        Invalid(Identifier, "perfect counts of empty player id", w => w.Sessions.CountPerfectByCategoryAsync(Guid.Empty), "sessions.player_id"),

        Invalid(Size, "season by empty id", w => w.Seasons.GetByIdAsync(""), "chk_seasons_id_format"),
        Invalid(Identifier, "season by upper-case id", w => w.Seasons.GetByIdAsync("Winter-S1"), "chk_seasons_id_format"),
        Invalid(Injection, "season by SQL DROP", w => w.Seasons.GetByIdAsync(Nasty.SqlDrop), "chk_seasons_id_format"),
        Invalid(Size, "season by 65-character id", w => w.Seasons.GetByIdAsync(new string('s', 65)), "chk_seasons_id_format"),
        Invalid(Unicode, "season by id with a trailing newline", w => w.Seasons.GetByIdAsync("winter-s1\n"), "chk_seasons_id_format"),
        Invalid(Identifier, "season by path traversal", w => w.Seasons.GetByIdAsync("../winter-s1"), "chk_seasons_id_format"),
        NotFound(ForeignId, "season by unknown id", w => w.Seasons.GetByIdAsync("nope-s9")),
        Invalid(Number, "next season with -1 grace days", w => w.Seasons.CreateNextAsync(-1), "chk_seasons_grace_days"),
        Invalid(Number, "next season with 31 grace days", w => w.Seasons.CreateNextAsync(31), "chk_seasons_grace_days"),
        Invalid(Number, "next season with int.MinValue grace days", w => w.Seasons.CreateNextAsync(int.MinValue), "chk_seasons_grace_days"),
        Invalid(NullArgument, "transition from null season", w => w.Seasons.TransitionAsync(null!), "chk_seasons_id_format"),
        NotFound(ForeignId, "transition from unknown season", w => w.Seasons.TransitionAsync("nope-s9")),

        Invalid(Identifier, "live eligibilities of empty player id", w => w.Eligibilities.ListActiveAsync(Guid.Empty), "eligibilities.player_id"),
        Invalid(Identifier, "consume empty eligibility id", w => w.Eligibilities.ConsumeAsync(Guid.Empty, w.Wallet), "eligibilities.id"),
        Invalid(Identifier, "consume by empty player id", w => w.Eligibilities.ConsumeAsync(w.EligibilityId, Guid.Empty), "eligibilities.player_id"),
        NotFound(ForeignId, "consume unknown eligibility", w => w.Eligibilities.ConsumeAsync(Guid.NewGuid(), w.Wallet)),
        NotFound(ForeignId, "consume another player's eligibility", w => w.Eligibilities.ConsumeAsync(w.EligibilityId, w.Guest)),
        Conflict(ForeignId, "consume a used eligibility", w => w.Eligibilities.ConsumeAsync(w.UsedEligibilityId, w.Wallet), "eligibility.already-used"),
        Conflict(ForeignId, "consume an expired eligibility", w => w.Eligibilities.ConsumeAsync(w.ExpiredEligibilityId, w.Wallet), "eligibility.expired"),
        Invalid(Number, "expire in batches of 0", w => w.Eligibilities.ExpireOverdueAsync(0), "eligibilities.expire"),
        Invalid(Number, "expire in batches of int.MaxValue", w => w.Eligibilities.ExpireOverdueAsync(int.MaxValue), "eligibilities.expire"),
        Invalid(Number, "expire in -1 batches", w => w.Eligibilities.ExpireOverdueAsync(500, -1), "eligibilities.expire"),
    ];

    private static SessionCompletion Valid(BadInputWorld world) => GameData.Completion(world.Wallet, world.CategoryId, correct: 5);

    private static SessionCompletion WithAnswer(BadInputWorld world, SessionAnswer answer)
    {
        var valid = Valid(world);
        return valid with { Answers = [.. valid.Answers.Take(9), answer] };
    }

    private static SessionCompletion Repeating(BadInputWorld world)
    {
        var valid = Valid(world);
        return valid with { Answers = [.. valid.Answers.Take(9), valid.Answers[0]] };
    }

    private static SessionAnswer Answer() => new() { QuestionId = Guid.NewGuid(), ChosenIndex = 1, IsCorrect = false, ElapsedMs = 1_000 };
}
