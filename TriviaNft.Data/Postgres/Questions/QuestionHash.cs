using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TriviaNft.Data.Postgres.Questions;

/// <summary>
/// The deduplication key of a question (<c>questions.hash</c>): SHA-256, as 64 lowercase hex digits, of the
/// normalised text and options. Normalising means Unicode NFC, trimmed, inner whitespace collapsed to one space
/// and lowercased (invariant culture), so "What is  H2O?" and "what is h2o?" are one question. The options are
/// sorted (ordinal) before hashing: the same question with its options shuffled is still a duplicate. Parts are
/// joined with U+001F, a control character no validated text can contain, so parts cannot run together.
/// </summary>
public static partial class QuestionHash
{
    /// <summary>The hash of a question with <paramref name="text"/> and <paramref name="options"/>.</summary>
    public static string Compute(string text, IEnumerable<string> options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var parts = options.Select(Normalize).Order(StringComparer.Ordinal).Prepend(Normalize(text));
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The normal form used for hashing and for the "distinct options" rule.</summary>
    public static string Normalize(string value) =>
        Whitespace().Replace(value.Normalize(NormalizationForm.FormC).Trim(), " ").ToLower(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
