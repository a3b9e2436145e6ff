using System.Text.Json.Serialization;

namespace TriviaNft.Migrator.Lambda;

/// <summary>The Runtime API's error document.</summary>
internal sealed record LambdaError(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace);

/// <summary>What the CDK Provider framework expects back from an onEvent handler.</summary>
internal sealed record CustomResourceResponse(string PhysicalResourceId, CustomResourceData Data);

/// <summary>The custom resource's attributes (Fn::GetAtt Applied / Total).</summary>
internal sealed record CustomResourceData(
    [property: JsonPropertyName("applied")] int Applied,
    [property: JsonPropertyName("total")] int Total);

/// <summary>The answer to the manual payload <c>{"action":"migrate"|"status", "secretArn": …}</c>.</summary>
internal sealed record ManualResponse(string Action, string Status, IReadOnlyList<string> Applied, int Total, IReadOnlyList<ManualStatusLine>? Migrations);

/// <summary>One migration in a manual <c>status</c> answer.</summary>
internal sealed record ManualStatusLine(string Name, string State, string Checksum, string? Problem);

/// <summary>Source-generated JSON: the bootstrap stays trimming- and NativeAOT-friendly.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(LambdaError))]
[JsonSerializable(typeof(CustomResourceResponse))]
[JsonSerializable(typeof(ManualResponse))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;

/// <summary>camelCase for the manual answer, as the guide's `aws lambda invoke` reader expects.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ManualResponse))]
internal sealed partial class ManualJsonContext : JsonSerializerContext;
