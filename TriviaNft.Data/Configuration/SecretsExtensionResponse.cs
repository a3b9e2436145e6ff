using System.Text.Json.Serialization;

namespace TriviaNft.Data.Configuration;

/// <summary>What the Parameters and Secrets Lambda extension answers: Secrets Manager's GetSecretValue shape.</summary>
internal sealed record SecretsExtensionResponse
{
    [JsonPropertyName("SecretString")]
    public string? SecretString { get; init; }
}
