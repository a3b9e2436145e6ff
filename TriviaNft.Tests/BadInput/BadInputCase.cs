using TriviaNft.Data.Errors;

namespace TriviaNft.Tests.BadInput;

/// <summary>The kinds of malformed input the corpus covers, for its size by category.</summary>
internal enum BadInputKind
{
    /// <summary>Empty, blank or oversized strings.</summary>
    Size,

    /// <summary>Control characters and odd Unicode: NUL, lone surrogates, RTL overrides, zero-width, emoji, trailing newlines.</summary>
    Unicode,

    /// <summary>SQL injection strings.</summary>
    Injection,

    /// <summary>Malformed ids: Guid.Empty, stake keys, wallet addresses, fingerprints, hashes, season ids.</summary>
    Identifier,

    /// <summary>Negative and huge numbers: page sizes, ranks, indexes, points, batch sizes, instants.</summary>
    Number,

    /// <summary>Malformed JSON and question options.</summary>
    Json,

    /// <summary>Undefined enum values.</summary>
    EnumValue,

    /// <summary>Unknown, expired, spent or another player's ids.</summary>
    ForeignId,

    /// <summary>Null arguments.</summary>
    NullArgument,
}

/// <summary>
/// One malformed call and what it must end with: a typed exception (<see cref="Expected"/>, and the rule it names
/// when given), or — for the Redis step calls whose documented answer is a status — a refusal the call returns,
/// which <see cref="Act"/> checks itself.
/// </summary>
internal sealed record BadInputCase(BadInputKind Kind, string Name, Type? Expected, Func<BadInputWorld, Task> Act, string? Rule = null)
{
    public override string ToString() => Name;
}

/// <summary>Short constructors for the case lists.</summary>
internal static class Case
{
    public static BadInputCase Invalid(BadInputKind kind, string name, Func<BadInputWorld, Task> act, string? rule = null) =>
        new(kind, name, typeof(DataValidationException), act, rule);

    public static BadInputCase NotFound(BadInputKind kind, string name, Func<BadInputWorld, Task> act) =>
        new(kind, name, typeof(DataNotFoundException), act);

    public static BadInputCase Conflict(BadInputKind kind, string name, Func<BadInputWorld, Task> act, string? rule = null) =>
        new(kind, name, typeof(DataConflictException), act, rule);

    /// <summary>A null composite argument (a request record, a handle): a caller's bug, <see cref="ArgumentNullException"/>.</summary>
    public static BadInputCase Missing(string name, Func<BadInputWorld, Task> act) =>
        new(BadInputKind.NullArgument, name, typeof(ArgumentNullException), act);

    /// <summary>A call whose documented answer is a refusal it returns; <paramref name="refused"/> says whether it was.</summary>
    public static BadInputCase Refused<T>(BadInputKind kind, string name, Func<BadInputWorld, Task<T>> act, Func<T, bool> refused) =>
        new(kind, name, null, async world =>
        {
            var result = await act(world);
            Assert.True(refused(result), $"Not refused: {result}");
        });
}
