using System.Text.Json.Serialization;

namespace TriviaNft.Migrator.Cli;

/// <summary>The JSON of <c>status --json</c>; its shape is a contract for scripts.</summary>
internal sealed record StatusDocument(IReadOnlyList<StatusLine> Migrations, int Applied, int Pending, bool Verified);

/// <summary>One migration in <see cref="StatusDocument"/>.</summary>
internal sealed record StatusLine(string Name, string State, string? RunOn, string Checksum, string? Problem);

/// <summary>Source-generated serialisation, so the migrator stays trimming- and NativeAOT-friendly.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(StatusDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
