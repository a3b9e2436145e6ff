using System.Text.Json.Serialization;

namespace TriviaNft.Data.Postgres.Sessions;

/// <summary>
/// The <c>sessions.questions</c> document, snake_case like the columns. Source-generated so the library stays
/// trimming-safe (the migration Lambda's trimmed bundle links it).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IReadOnlyList<SessionAnswer>))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
