using System.Globalization;
using System.Text.RegularExpressions;

namespace TriviaNft.Data.Postgres.Seasons;

/// <summary>
/// How seasons are named: the id is <c>&lt;word&gt;-s&lt;n&gt;</c>, where the word is the meteorological
/// (northern-hemisphere) season of the start month in UTC — December to February <c>winter</c>, March to May
/// <c>spring</c>, June to August <c>summer</c>, September to November <c>autumn</c> — and n counts seasons with that
/// word, from 1. So the seeded <c>winter-s1</c> (December 2026) is followed by <c>spring-s1</c>, <c>summer-s1</c>,
/// <c>autumn-s1</c>, then <c>winter-s2</c>. The name is "Spring Season 1".
/// </summary>
public static partial class SeasonNaming
{
    /// <summary>The season word for a season starting at <paramref name="startsAt"/>.</summary>
    public static string WordFor(DateTimeOffset startsAt) => startsAt.UtcDateTime.Month switch
    {
        12 or 1 or 2 => "winter",
        3 or 4 or 5 => "spring",
        6 or 7 or 8 => "summer",
        _ => "autumn",
    };

    /// <summary>The id of the <paramref name="number"/>th season with <paramref name="word"/>.</summary>
    public static string Id(string word, int number) => $"{word}-s{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The display name matching <see cref="Id"/>.</summary>
    public static string Name(string word, int number) =>
        $"{char.ToUpperInvariant(word[0])}{word[1..]} Season {number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The next number for <paramref name="word"/> given the ids that exist.</summary>
    public static int NextNumber(string word, IEnumerable<string> existingIds) =>
        1 + existingIds.Select(id => IdPattern().Match(id))
            .Where(m => m.Success && m.Groups["word"].Value == word)
            .Select(m => int.TryParse(m.Groups["n"].Value, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();

    [GeneratedRegex("^(?<word>[a-z]+)-s(?<n>[0-9]{1,9})$")]
    private static partial Regex IdPattern();
}
