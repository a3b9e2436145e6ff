using System.Globalization;
using System.Text.Json;

namespace TriviaNft.AppHost.Cloud;

/// <summary>
/// The outputs of a deployed DataStack, as <c>cdk deploy --outputs-file</c> writes them:
/// <c>{ "&lt;stack name&gt;": { "ProxyEndpoint": "…", … } }</c>. Only endpoints and names: passwords never come
/// from this file.
/// </summary>
internal sealed record StackOutputs(
    string StackName,
    string WriterEndpoint,
    string ProxyEndpoint,
    string ProxyReadOnlyEndpoint,
    string RedisConfigurationEndpoint,
    int RedisPort,
    int DatabasePort,
    string DatabaseName)
{
    private static readonly string[] Required =
        ["WriterEndpoint", "ProxyEndpoint", "ProxyReadOnlyEndpoint", "RedisConfigurationEndpoint", "RedisPort", "DatabaseName"];

    /// <summary>Reads the outputs of <paramref name="stackName"/> (or of the only stack in the file).</summary>
    /// <exception cref="CloudBindingException">The file is missing, not JSON, or lacks an output; the message names it.</exception>
    public static StackOutputs Load(string path, string? stackName)
    {
        if (!File.Exists(path))
        {
            throw new CloudBindingException(
                $"The CDK outputs file '{path}' does not exist: deploy with `npx aws-cdk deploy --outputs-file {path}` (docs/deploy.md) or set Cloud:OutputsFile.");
        }

        using var document = Parse(path);
        var stacks = document.RootElement.EnumerateObject().ToList();
        var stack = stackName is null
            ? stacks.Count == 1 ? stacks[0] : throw new CloudBindingException(
                $"'{path}' holds {stacks.Count} stacks ({string.Join(", ", stacks.Select(s => s.Name))}): set Cloud:StackName.")
            : stacks.FirstOrDefault(s => s.Name == stackName) is { Value.ValueKind: JsonValueKind.Object } found ? found
            : throw new CloudBindingException($"'{path}' has no outputs for the stack '{stackName}'.");

        var values = stack.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal);
        var missing = Required.Where(name => !values.TryGetValue(name, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
        if (missing.Count > 0)
        {
            throw new CloudBindingException(
                $"The outputs of '{stack.Name}' in '{path}' lack {string.Join(", ", missing)}: redeploy the DataStack with --outputs-file.");
        }

        return new StackOutputs(
            stack.Name,
            values["WriterEndpoint"],
            values["ProxyEndpoint"],
            values["ProxyReadOnlyEndpoint"],
            values["RedisConfigurationEndpoint"],
            Port(values, "RedisPort", path),
            values.ContainsKey("DatabasePort") ? Port(values, "DatabasePort", path) : 5432,
            values["DatabaseName"]);
    }

    private static JsonDocument Parse(string path)
    {
        try
        {
            var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document
                : throw new CloudBindingException($"'{path}' is not a CDK outputs file: expected an object of stacks.");
        }
        catch (JsonException ex)
        {
            throw new CloudBindingException($"'{path}' is not valid JSON: {ex.Message}");
        }
    }

    private static int Port(Dictionary<string, string> values, string name, string path) =>
        int.TryParse(values[name], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new CloudBindingException($"The output {name} in '{path}' is not a port: '{values[name]}'.");
}
