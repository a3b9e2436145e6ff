using Microsoft.Extensions.Configuration;

namespace TriviaNft.AppHost.Cloud;

/// <summary>The <c>Cloud</c> configuration section: where the deployed stack's outputs are and how to log in.</summary>
/// <param name="OutputsFile">The file written by <c>cdk deploy --outputs-file</c> (default <c>aws/outputs.json</c>).</param>
/// <param name="StackName">The stack in that file; needed only when it holds several.</param>
/// <param name="DatabaseUsername">The role in the database secret (the CDK app creates <c>postgres</c>).</param>
/// <param name="RootCertificate">The RDS CA bundle for <c>SSL Mode=VerifyFull</c>; null uses the system trust store.</param>
internal sealed record CloudOptions(string OutputsFile, string? StackName, string DatabaseUsername, string? RootCertificate)
{
    public const string Section = "Cloud";

    public static CloudOptions From(IConfiguration configuration, string appHostDirectory)
    {
        var section = configuration.GetSection(Section);
        var file = section["OutputsFile"] is { Length: > 0 } f ? f : Path.Combine("..", "aws", "outputs.json");
        return new CloudOptions(
            Path.GetFullPath(file, appHostDirectory),
            section["StackName"] is { Length: > 0 } s ? s : null,
            section["DatabaseUsername"] is { Length: > 0 } u ? u : "postgres",
            section["RootCertificate"] is { Length: > 0 } c ? Path.GetFullPath(c, appHostDirectory) : null);
    }
}
