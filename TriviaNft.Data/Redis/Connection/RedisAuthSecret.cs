using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriviaNft.Data.Redis.Connection;

/// <summary>The ElastiCache auth token secret (<c>{env}/trivia-nft/redis</c>): <c>{"authToken": "…"}</c>.</summary>
public sealed record RedisAuthSecret
{
    /// <summary>The AUTH token. Never logged.</summary>
    [JsonPropertyName("authToken")]
    public required string AuthToken { get; init; }

    // A record prints every property in ToString(): an exception message or a log of this object would show the token.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AuthToken = ***");
        return true;
    }

    /// <summary>Parses the secret string.</summary>
    /// <exception cref="InvalidOperationException">It is not the expected JSON (the message never quotes it).</exception>
    public static RedisAuthSecret Parse(string secretString)
    {
        try
        {
            var secret = JsonSerializer.Deserialize(secretString, RedisJsonContext.Default.RedisAuthSecret);
            return secret is { AuthToken.Length: > 0 } ? secret : throw new InvalidOperationException("The Redis secret has no authToken.");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The Redis secret is not the JSON {{\"authToken\": \"…\"}}: {ex.GetType().Name} at {ex.Path}.");
        }
    }
}

/// <summary>Source-generated JSON for the Redis side's own documents (trimming and NativeAOT friendly).</summary>
[JsonSerializable(typeof(RedisAuthSecret))]
internal sealed partial class RedisJsonContext : JsonSerializerContext;
