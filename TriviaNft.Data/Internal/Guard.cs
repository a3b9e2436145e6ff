using System.Text.RegularExpressions;
using TriviaNft.Data.Errors;

namespace TriviaNft.Data.Internal;

/// <summary>
/// Cheap checks at the boundary, before any round trip. They mirror the schema's constraints (which stay
/// the last word) and throw <see cref="DataValidationException"/> naming the rule.
/// </summary>
internal static partial class Guard
{
    public static string StakeKey(string? value, string rule = "stake_key")
    {
        if (value is null || !StakeKeyPattern().IsMatch(value))
        {
            throw new DataValidationException(rule, "The stake key must be a Cardano stake address (stake1… or stake_test1…).");
        }

        return value;
    }

    /// <summary>
    /// A guest id is an opaque token the client generated (a UUID in practice): 1 to 64 visible ASCII characters.
    /// Spaces, control and format characters (RTL overrides, zero-width) and non-ASCII are refused, so one id
    /// cannot pose as another when displayed or logged.
    /// </summary>
    public static string AnonId(string? value, string rule = "anon_id")
    {
        if (value is null || !AnonIdPattern().IsMatch(value))
        {
            throw new DataValidationException(rule, "The anonymous id must be 1 to 64 visible ASCII characters (no spaces).");
        }

        return value;
    }

    /// <summary>A category slug as the schema allows it (chk_categories_slug_format): lowercase letters, digits and '-'.</summary>
    public static string Slug(string? value)
    {
        if (value is null || !SlugPattern().IsMatch(value))
        {
            throw new DataValidationException("chk_categories_slug_format", "A category slug is 1 to 64 lowercase letters, digits or '-'.");
        }

        return value;
    }

    public static string Username(string? value)
    {
        if (value is null || !UsernamePattern().IsMatch(value))
        {
            throw new DataValidationException("chk_players_username_format",
                "A username is 3 to 50 letters, digits, '_' or '-'.");
        }

        return value;
    }

    public static string? Email(string? value)
    {
        if (value is not null && (value.Length > 254 || !EmailPattern().IsMatch(value)))
        {
            throw new DataValidationException("chk_email_format", "The email address is not valid.");
        }

        return value;
    }

    /// <summary>A required string of <paramref name="min"/> to <paramref name="max"/> characters, without control characters.</summary>
    public static string Text(string? value, string rule, string what, int min, int max)
    {
        if (value is null || value.Length < min || value.Length > max || string.IsNullOrWhiteSpace(value) && min > 0)
        {
            throw new DataValidationException(rule, $"{what} must be {min} to {max} characters.");
        }

        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t' || c == '\0'))
        {
            throw new DataValidationException(rule, $"{what} must not contain control characters.");
        }

        // A lone surrogate cannot be encoded as UTF-8: the driver (or Unicode normalisation) would throw a raw
        // encoding error later instead of this rule.
        if (!IsWellFormedUtf16(value))
        {
            throw new DataValidationException(rule, $"{what} must be valid Unicode text (it holds an unpaired surrogate).");
        }

        return value;
    }

    public static int Range(int value, string rule, string what, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new DataValidationException(rule, $"{what} must be between {min} and {max}, not {value}.");
        }

        return value;
    }

    public static Guid Id(Guid value, string rule, string what)
    {
        if (value == Guid.Empty)
        {
            throw new DataValidationException(rule, $"{what} is required.");
        }

        return value;
    }

    public static string? OptionalText(string? value, string rule, string what, int max) =>
        value is null ? null : Text(value, rule, what, 0, max);

    /// <summary>A page size: 1 to <paramref name="max"/>.</summary>
    public static int Limit(int value, int max = 100) => Range(value, "page.limit", "The page size", 1, max);

    public static TEnum Defined<TEnum>(TEnum value, string rule, string what)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new DataValidationException(rule, $"{what} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }

        return value;
    }

    public static IReadOnlyList<T> Items<T>(IReadOnlyList<T>? values, string rule, string what, int min, int max)
    {
        if (values is null || values.Count < min || values.Count > max)
        {
            throw new DataValidationException(rule, $"{what} must have {min} to {max} items.");
        }

        return values;
    }

    public static DateTimeOffset Instant(DateTimeOffset value, string rule, string what)
    {
        // Outside these years the value is a bug (default(DateTimeOffset), MaxValue), not a game event.
        if (value.Year is < 2000 or > 9000)
        {
            throw new DataValidationException(rule, $"{what} is not a plausible instant ({value:O}).");
        }

        return value;
    }

    /// <summary>A calendar day in the same plausible years as <see cref="Instant"/>.</summary>
    public static DateOnly Date(DateOnly value, string rule, string what)
    {
        if (value.Year is < 2000 or > 9000)
        {
            throw new DataValidationException(rule, $"{what} is not a plausible day ({value:O}).");
        }

        return value;
    }

    /// <summary>True unless <paramref name="value"/> holds a high surrogate without its low half, or the reverse.</summary>
    public static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static string SeasonId(string? value)
    {
        if (value is null || value.Length > 64 || !SeasonIdPattern().IsMatch(value))
        {
            throw new DataValidationException("chk_seasons_id_format",
                "A season id is lowercase words joined by '-', e.g. winter-s1, at most 64.");
        }

        return value;
    }

    // \z, not $: in .NET '$' also matches before a final '\n', so "winter-s1\n" would pass (PostgreSQL's '$' would not).
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z")]
    private static partial Regex SeasonIdPattern();

    [GeneratedRegex(@"^stake(_test)?1[0-9a-z]{50,60}\z")]
    private static partial Regex StakeKeyPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9_-]{3,50}\z")]
    private static partial Regex UsernamePattern();

    // The guide's chk_email_format, the same expression as the database's.
    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Z|a-z]{2,}\z")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[\x21-\x7E]{1,64}\z")]
    private static partial Regex AnonIdPattern();

    [GeneratedRegex(@"^[a-z0-9-]{1,64}\z")]
    private static partial Regex SlugPattern();
}
