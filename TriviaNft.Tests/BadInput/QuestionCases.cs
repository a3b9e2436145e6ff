using TriviaNft.Data;
using TriviaNft.Data.Postgres.Questions;
using static TriviaNft.Tests.BadInput.BadInputKind;
using static TriviaNft.Tests.BadInput.Case;

namespace TriviaNft.Tests.BadInput;

/// <summary>Categories, the question bank (import, picks) and question flags.</summary>
internal static class QuestionCases
{
    public static IEnumerable<BadInputCase> All() =>
    [
        Invalid(NullArgument, "category slug null", w => w.Categories.GetBySlugAsync(null!), "chk_categories_slug_format"),
        Invalid(Size, "category slug empty", w => w.Categories.GetBySlugAsync(""), "chk_categories_slug_format"),
        Invalid(Size, "category slug of a megabyte", w => w.Categories.GetBySlugAsync(Nasty.Megabyte), "chk_categories_slug_format"),
        Invalid(Injection, "category slug with SQL comment", w => w.Categories.GetBySlugAsync(Nasty.SqlComment), "chk_categories_slug_format"),
        Invalid(Injection, "category slug with SQL UNION", w => w.Categories.GetBySlugAsync(Nasty.SqlUnion), "chk_categories_slug_format"),
        Invalid(Unicode, "category slug with NUL", w => w.Categories.GetBySlugAsync("sci\0ence"), "chk_categories_slug_format"),
        Invalid(Unicode, "category slug with a lone surrogate", w => w.Categories.GetBySlugAsync(Nasty.LoneHighSurrogate), "chk_categories_slug_format"),
        Invalid(Unicode, "category slug with a trailing newline", w => w.Categories.GetBySlugAsync("science\n"), "chk_categories_slug_format"),
        Invalid(Unicode, "category slug with a zero-width space", w => w.Categories.GetBySlugAsync("sci\u200Bence"), "chk_categories_slug_format"),

        Invalid(Identifier, "pick from empty category id", w => w.Questions.PickRandomAsync(Guid.Empty, 10, []), "questions.category_id"),
        Invalid(Number, "pick zero questions", w => w.Questions.PickRandomAsync(w.CategoryId, 0, []), "questions.pick"),
        Invalid(Number, "pick a negative number of questions", w => w.Questions.PickRandomAsync(w.CategoryId, -1, []), "questions.pick"),
        Invalid(Number, "pick int.MaxValue questions", w => w.Questions.PickRandomAsync(w.CategoryId, int.MaxValue, []), "questions.pick"),
        Missing("pick with null exclusions", w => w.Questions.PickRandomAsync(w.CategoryId, 10, null!)),
        Invalid(Size, "pick excluding 100001 questions", w => w.Questions.PickRandomAsync(
            w.CategoryId, 10, [.. Enumerable.Range(0, 100_001).Select(_ => Guid.NewGuid())]), "questions.excluded"),
        Invalid(Identifier, "question by empty id", w => w.Questions.GetByIdAsync(Guid.Empty), "questions.id"),
        NotFound(ForeignId, "question by unknown id", w => w.Questions.GetByIdAsync(Guid.NewGuid())),
        NotFound(ForeignId, "deactivate unknown question", w => w.Questions.DeactivateAsync(Guid.NewGuid())),

        Invalid(NullArgument, "import null", w => w.Questions.ImportAsync(null!), "questions.import"),
        Invalid(Size, "import nothing", w => w.Questions.ImportAsync([]), "questions.import"),
        Invalid(NullArgument, "import a null question", w => w.Questions.ImportAsync([Valid(w), null!]), "questions.import"),
        Invalid(Size, "question text empty", w => w.Questions.ImportAsync([Valid(w) with { Text = "" }]), "chk_questions_text_length"),
        Invalid(Size, "question text blank", w => w.Questions.ImportAsync([Valid(w) with { Text = " \t " }]), "chk_questions_text_length"),
        Invalid(Size, "question text of 1001 characters", w => w.Questions.ImportAsync([Valid(w) with { Text = new string('q', 1001) }]), "chk_questions_text_length"),
        Invalid(Unicode, "question text with NUL", w => w.Questions.ImportAsync([Valid(w) with { Text = Nasty.Nul }]), "chk_questions_text_length"),
        Invalid(Unicode, "question text with a lone surrogate", w => w.Questions.ImportAsync([Valid(w) with { Text = Nasty.LoneHighSurrogate }]), "chk_questions_text_length"),
        Invalid(Unicode, "question text with a bell", w => w.Questions.ImportAsync([Valid(w) with { Text = Nasty.Bell }]), "chk_questions_text_length"),
        Invalid(Json, "options three", w => w.Questions.ImportAsync([Valid(w) with { Options = ["a", "b", "c"] }]), "chk_questions_options_shape"),
        Invalid(Json, "options five", w => w.Questions.ImportAsync([Valid(w) with { Options = ["a", "b", "c", "d", "e"] }]), "chk_questions_options_shape"),
        Invalid(Json, "options null", w => w.Questions.ImportAsync([Valid(w) with { Options = null! }]), "chk_questions_options_shape"),
        Invalid(Json, "options with a null option", w => w.Questions.ImportAsync([Valid(w) with { Options = ["a", null!, "c", "d"] }]), "chk_questions_options_strings"),
        Invalid(Json, "options with a blank option", w => w.Questions.ImportAsync([Valid(w) with { Options = ["a", "  ", "c", "d"] }]), "chk_questions_options_strings"),
        Invalid(Json, "options repeated", w => w.Questions.ImportAsync([Valid(w) with { Options = ["a", "b", "a", "d"] }]), "questions.options-distinct"),
        Invalid(Json, "options repeated up to case and spacing", w => w.Questions.ImportAsync([Valid(w) with { Options = ["Paris", " paris ", "c", "d"] }]), "questions.options-distinct"),
        Invalid(Unicode, "option with NUL", w => w.Questions.ImportAsync([Valid(w) with { Options = ["a\0", "b", "c", "d"] }]), "chk_questions_options_strings"),
        Invalid(Unicode, "option with a lone surrogate", w => w.Questions.ImportAsync([Valid(w) with { Options = [Nasty.LoneLowSurrogate, "b", "c", "d"] }]), "chk_questions_options_strings"),
        Invalid(Number, "correct index -1", w => w.Questions.ImportAsync([Valid(w) with { CorrectIndex = -1 }]), "chk_questions_correct_index"),
        Invalid(Number, "correct index 4", w => w.Questions.ImportAsync([Valid(w) with { CorrectIndex = 4 }]), "chk_questions_correct_index"),
        Invalid(Number, "correct index int.MinValue", w => w.Questions.ImportAsync([Valid(w) with { CorrectIndex = int.MinValue }]), "chk_questions_correct_index"),
        Invalid(EnumValue, "question source 999", w => w.Questions.ImportAsync([Valid(w) with { Source = (QuestionSource)999 }]), "chk_questions_source"),
        Invalid(EnumValue, "question difficulty -1", w => w.Questions.ImportAsync([Valid(w) with { Difficulty = (QuestionDifficulty)(-1) }]), "chk_questions_difficulty"),
        Invalid(Size, "explanation of 2001 characters", w => w.Questions.ImportAsync([Valid(w) with { Explanation = new string('x', 2001) }]), "chk_questions_explanation_length"),
        Invalid(Identifier, "question of empty category id", w => w.Questions.ImportAsync([Valid(w) with { CategoryId = Guid.Empty }]), "fk_questions_category_id"),
        Invalid(ForeignId, "question of unknown category", w => w.Questions.ImportAsync([Valid(w) with { CategoryId = Guid.NewGuid() }]), "fk_questions_category_id"),
        Invalid(ForeignId, "import whose last question has an unknown category writes none", w => w.Questions.ImportAsync(
            [Valid(w), Valid(w) with { Text = "Another fresh question?" }, Valid(w) with { Text = "A third?", CategoryId = Guid.NewGuid() }]), "fk_questions_category_id"),

        Invalid(Identifier, "flag of empty question id", w => w.Flags.FlagAsync(Guid.Empty, w.Guest, "wrong"), "question_flags.question_id"),
        Invalid(Identifier, "flag by empty player id", w => w.Flags.FlagAsync(w.QuestionId, Guid.Empty, "wrong"), "question_flags.player_id"),
        Invalid(ForeignId, "flag of unknown question", w => w.Flags.FlagAsync(Guid.NewGuid(), w.Wallet, "wrong")),
        Conflict(ForeignId, "flag the same question twice", w => w.Flags.FlagAsync(w.QuestionId, w.Guest, "again"), "uq_question_flags_question_id_player_id"),
        Invalid(Size, "flag reason empty", w => w.Flags.FlagAsync(w.QuestionId, w.Wallet, ""), "chk_question_flags_reason_length"),
        Invalid(Size, "flag reason of 501 characters", w => w.Flags.FlagAsync(w.QuestionId, w.Wallet, new string('r', 501)), "chk_question_flags_reason_length"),
        Invalid(Unicode, "flag reason with NUL", w => w.Flags.FlagAsync(w.QuestionId, w.Wallet, Nasty.Nul), "chk_question_flags_reason_length"),
        Invalid(Unicode, "flag reason with a lone surrogate", w => w.Flags.FlagAsync(w.QuestionId, w.Wallet, Nasty.LoneHighSurrogate), "chk_question_flags_reason_length"),
        Invalid(Number, "flag queue page of 0", w => w.Flags.ListUnhandledAsync(0), "page.limit"),
        Invalid(Number, "flag queue page of -5", w => w.Flags.ListUnhandledAsync(-5), "page.limit"),
        Invalid(Number, "flag queue page of int.MaxValue", w => w.Flags.ListUnhandledAsync(int.MaxValue), "page.limit"),
        Invalid(Number, "flag queue cursor at DateTimeOffset.MinValue", w => w.Flags.ListUnhandledAsync(10, new PageCursor(DateTimeOffset.MinValue, Guid.NewGuid())), "page.after"),
        Invalid(Identifier, "resolve empty flag id", w => w.Flags.ResolveAsync(Guid.Empty, w.Wallet), "question_flags.id"),
        NotFound(ForeignId, "resolve unknown flag", w => w.Flags.ResolveAsync(Guid.NewGuid(), w.Wallet)),
        Invalid(ForeignId, "resolve by unknown moderator", w => w.Flags.ResolveAsync(w.FlagId, Guid.NewGuid())),
    ];

    private static NewQuestion Valid(BadInputWorld world) => new()
    {
        CategoryId = world.CategoryId,
        Text = $"A question never imported before {Guid.NewGuid():N}?",
        Options = ["one", "two", "three", "four"],
        CorrectIndex = 2,
    };
}
