using System.Globalization;
using StackExchange.Redis;
using TriviaNft.Data.Redis.Sessions;

namespace TriviaNft.Data.Redis.Internal;

/// <summary>
/// Reads the session hash (field/value pairs, as HGETALL or a script returns them) into an
/// <see cref="ActiveSession"/>. Field names: id, player, cat, token, conn, started, expires, window, n, next,
/// correct, and per question i: q:i id, c:i correct option, s:i served at, a:i chosen, t:i elapsed, k:i correct.
/// </summary>
internal static class SessionStateReader
{
    public static ActiveSession? Read(ReadOnlySpan<RedisResult> pairs)
    {
        var fields = new Dictionary<string, string>(pairs.Length / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            fields[(string)pairs[i]!] = (string)pairs[i + 1]!;
        }

        return Read(fields);
    }

    public static ActiveSession? Read(HashEntry[] entries) =>
        Read(entries.ToDictionary(e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal));

    private static ActiveSession? Read(Dictionary<string, string> fields)
    {
        if (!fields.ContainsKey("id"))
        {
            return null;
        }

        var window = TimeSpan.FromMilliseconds(Long(fields, "window"));
        var count = (int)Long(fields, "n");
        var questions = new SessionQuestionState[count];
        for (var i = 0; i < count; i++)
        {
            var servedAt = Time(fields, $"s:{i}");
            var elapsed = fields.TryGetValue($"t:{i}", out var t) ? long.Parse(t, CultureInfo.InvariantCulture) : (long?)null;
            var chosen = fields.TryGetValue($"a:{i}", out var a) ? int.Parse(a, CultureInfo.InvariantCulture) : (int?)null;
            questions[i] = new SessionQuestionState
            {
                Index = i,
                QuestionId = Guid.Parse(fields[$"q:{i}"]),
                CorrectIndex = (int)Long(fields, $"c:{i}"),
                ServedAt = servedAt,
                Deadline = servedAt + window,
                IsAnswered = chosen is not null,
                ChosenIndex = chosen is >= 0 ? chosen : null,
                ElapsedMs = elapsed,
                IsLate = elapsed > (long)window.TotalMilliseconds,
                IsCorrect = fields.TryGetValue($"k:{i}", out var k) && k == "1",
            };
        }

        return new ActiveSession
        {
            SessionId = Guid.Parse(fields["id"]),
            PlayerId = Guid.Parse(fields["player"]),
            CategoryId = Guid.Parse(fields["cat"]),
            Token = fields["token"],
            IsConnected = fields["conn"] == "1",
            StartedAt = Time(fields, "started")!.Value,
            ExpiresAt = Time(fields, "expires")!.Value,
            AnswerWindow = window,
            Questions = questions,
            NextIndex = (int)Long(fields, "next"),
            CorrectCount = (int)Long(fields, "correct"),
        };
    }

    private static long Long(Dictionary<string, string> fields, string name) => long.Parse(fields[name], CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(ms, CultureInfo.InvariantCulture)) : null;
}
