namespace TriviaNft.Tests.BadInput;

/// <summary>The hostile strings the corpus sends.</summary>
internal static class Nasty
{
    /// <summary>PostgreSQL rejects NUL in text values.</summary>
    public const string Nul = "abc\0def";

    /// <summary>Not encodable as UTF-8 at all.</summary>
    public const string LoneHighSurrogate = "abc\uD800def";

    public const string LoneLowSurrogate = "\uDC00abc";

    /// <summary>Right-to-left override: shows text reversed.</summary>
    public const string RtlOverride = "\u202Eabc";

    public const string ZeroWidth = "\u200B\u200C\u200D";

    public const string Emoji = "🎲🏆";

    public const string Bell = "abc\u0007";

    public const string Escape = "abc\u001B[2J";

    public const string SqlDrop = "'; DROP TABLE players; --";

    public const string SqlTautology = "' OR '1'='1";

    public const string SqlSleep = "1); SELECT pg_sleep(30); --";

    public const string SqlComment = "science'--";

    public const string SqlUnion = "x' UNION SELECT email FROM players --";

    public static readonly string Megabyte = new('x', 1_000_000);

    /// <summary>JSON nested far deeper than any metadata needs.</summary>
    public static readonly string DeepJson = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
}
