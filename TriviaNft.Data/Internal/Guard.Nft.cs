using System.Text.Json;
using System.Text.RegularExpressions;
using TriviaNft.Data.Errors;

namespace TriviaNft.Data.Internal;

// Checks for the NFT side of the schema (Cardano formats, JSON objects, paging). Kept in their own file
// so the player/question side can grow Guard.cs without touching these.
internal static partial class Guard
{
    public static string TxHash(string? value, string rule) =>
        Matches(value, TxHashPattern(), rule, "A transaction hash is 64 lowercase hex characters.");

    public static string PolicyId(string? value, string rule) =>
        Matches(value, PolicyIdPattern(), rule, "A policy id is 56 lowercase hex characters.");

    public static string AssetFingerprint(string? value, string rule) =>
        Matches(value, AssetFingerprintPattern(), rule, "An asset fingerprint is 'asset1' followed by 38 lowercase letters or digits (CIP-14).");

    public static string TokenName(string? value, string rule) =>
        Text(value, rule, "A token name", 1, 64);

    /// <summary>Optional JSON text that must be an object when given; returns "{}" for null.</summary>
    public static string JsonObject(string? value, string rule, string what)
    {
        if (value is null)
        {
            return "{}";
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return StoresAsJsonb(document.RootElement)
                    ? value
                    : throw new DataValidationException(rule, $"{what} must not contain \\u0000 or unpaired surrogates (PostgreSQL's jsonb refuses them).");
            }
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // Malformed JSON, or a property name that is an escaped unpaired surrogate: reported below.
        }

        throw new DataValidationException(rule, $"{what} must be a JSON object.");
    }

    // jsonb refuses what JSON itself allows: the escape \u0000 and escapes of unpaired surrogates. Checked on
    // the parsed strings (names and values) so the database never sees them.
    private static bool StoresAsJsonb(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().All(p => IsJsonbText(p.Name) && StoresAsJsonb(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(StoresAsJsonb),
        JsonValueKind.String => IsJsonbText(StringOf(element)),
        _ => true,
    };

    private static string? StringOf(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped unpaired surrogate cannot be read as a string at all.
            return null;
        }
    }

    private static bool IsJsonbText(string? text) => text is not null && !text.Contains('\0', StringComparison.Ordinal) && IsWellFormedUtf16(text);

    /// <summary>A page: <paramref name="offset"/> ≥ 0 and 1 ≤ <paramref name="limit"/> ≤ <paramref name="maxLimit"/>.</summary>
    public static void Page(int offset, int limit, int maxLimit)
    {
        Range(offset, "page.offset", "The page offset", 0, int.MaxValue);
        Range(limit, "page.limit", "The page size", 1, maxLimit);
    }

    private static string Matches(string? value, Regex pattern, string rule, string message) =>
        value is not null && pattern.IsMatch(value) ? value : throw new DataValidationException(rule, message);

    [GeneratedRegex(@"^[0-9a-f]{64}\z")]
    private static partial Regex TxHashPattern();

    [GeneratedRegex(@"^[0-9a-f]{56}\z")]
    private static partial Regex PolicyIdPattern();

    [GeneratedRegex(@"^asset1[0-9a-z]{38}\z")]
    private static partial Regex AssetFingerprintPattern();
}
