using System.Text.RegularExpressions;

namespace TriviaNft.AppHost.Tests.Infrastructure;

/// <summary>
/// Looks for secrets in captured text: the secret values themselves, and the shapes that carry one whatever
/// its value (the same rules as TriviaNft.Tests/Secrets/SecretScan.cs) — a connection string's <c>Password=…</c>, a URL's <c>user:password@</c>, a Secrets Manager
/// secret's <c>"password": "…"</c> or <c>"authToken": "…"</c>.
/// </summary>
internal static partial class SecretScan
{
    /// <summary>Every secret value and secret shape found in <paramref name="captured"/>, as "what: where" lines.</summary>
    public static List<string> Find(string captured, IEnumerable<string> secrets)
    {
        var found = new List<string>();
        foreach (var secret in secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var at = captured.IndexOf(secret, StringComparison.Ordinal);
            if (at >= 0)
            {
                found.Add($"secret value at {at}: …{Around(captured, at)}…");
            }
        }

        foreach (var pattern in new[] { ConnectionStringPassword(), UrlCredentials(), SecretJson() })
        {
            found.AddRange(pattern.Matches(captured).Select(m => $"{pattern}: {m.Value}"));
        }

        return found;
    }

    /// <summary>Fails, quoting where, when <paramref name="captured"/> holds a secret.</summary>
    public static void AssertNone(string captured, IEnumerable<string> secrets)
    {
        var found = Find(captured, secrets);
        Assert.True(found.Count == 0, "Secrets in the capture:" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    private static string Around(string text, int at) => text[Math.Max(0, at - 40)..Math.Min(text.Length, at + 10)];

    // Password=x or Pwd=x with a value (key=value connection strings, also "password=x" of a Redis configuration);
    // a masked value (*****, as StackExchange.Redis prints it) or the "…" of a message showing the shape is none.
    [GeneratedRegex(@"(?i)\b(password|pwd)\s*=\s*(?![*…])[^;,\s""']+")]
    private static partial Regex ConnectionStringPassword();

    // scheme://user:password@host
    [GeneratedRegex(@"(?i)\b[a-z][a-z0-9+.-]*://[^/\s:@]+:[^@\s/]+@")]
    private static partial Regex UrlCredentials();

    // "password": "x" / "authToken": "x" with a real value (messages that show the shape use "…").
    [GeneratedRegex(@"(?i)""(password|authToken)""\s*:\s*""(?!…"")[^""]+""")]
    private static partial Regex SecretJson();
}
