using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace TriviaNft.Infra.Tests;

/// <summary>
/// Synthesizes each environment's DataStack once for the whole test run (synthesis goes through jsii and takes
/// seconds), with the feature flags of aws/cdk.json, so the tests see what <c>cdk synth</c> produces.
/// </summary>
public sealed class DataStackTemplates : IDisposable
{
    private readonly Dictionary<string, (DataStack Stack, Template Template)> _byEnvironment;
    private readonly Dictionary<string, Lazy<(DataStack Stack, Template Template)>> _withBundle;

    /// <summary>Synthesizes staging, production, and staging with a migration bundle (production with one on first use).</summary>
    public DataStackTemplates()
    {
        _byEnvironment = DataStackEnvironment.All.ToDictionary(e => e.Name, e => Synthesize(e, bundle: null));

        MigrationBundle = Directory.CreateTempSubdirectory("trivianft-migration-bundle-").FullName;
        File.WriteAllText(Path.Combine(MigrationBundle, "bootstrap"), "#!/bin/sh\nexit 0\n");
        Directory.CreateDirectory(Path.Combine(MigrationBundle, "migrations"));
        File.WriteAllText(Path.Combine(MigrationBundle, "migrations", "1_initial-schema.sql"), "SELECT 1;\n");
        // Production with a bundle is only synthesized when a test asks for it.
        _withBundle = DataStackEnvironment.All.ToDictionary(e => e.Name, e => new Lazy<(DataStack, Template)>(() => Synthesize(e, MigrationBundle)));
        WithMigrationBundle = _withBundle[DataStackEnvironment.Staging.Name].Value.Template;
    }

    /// <summary>The staging template synthesized with a migration bundle.</summary>
    public Template WithMigrationBundle { get; }

    /// <summary>The template of an environment by name, synthesized with the migration bundle.</summary>
    public Template WithMigrationBundleFor(string environment) => _withBundle[environment].Value.Template;

    /// <summary>The stack of an environment by name, synthesized with the migration bundle.</summary>
    public DataStack StackWithMigrationBundleFor(string environment) => _withBundle[environment].Value.Stack;

    /// <summary>The fake bundle directory used for <see cref="WithMigrationBundle"/>.</summary>
    public string MigrationBundle { get; }

    /// <summary>The template of an environment by name.</summary>
    public Template For(string environment) => _byEnvironment[environment].Template;

    /// <summary>The stack of an environment by name.</summary>
    public DataStack StackFor(string environment) => _byEnvironment[environment].Stack;

    /// <summary>The feature flags and context of aws/cdk.json, as jsii accepts them.</summary>
    public static Dictionary<string, object> CdkJsonContext()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cdk.json")));
        return document.RootElement.GetProperty("context").EnumerateObject()
            .ToDictionary(p => p.Name, p => ToPlain(p.Value));

        static object ToPlain(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.Array => value.EnumerateArray().Select(ToPlain).ToArray(),
            _ => value.GetString() ?? string.Empty,
        };
    }

    /// <summary>Removes the fake bundle.</summary>
    public void Dispose() => Directory.Delete(MigrationBundle, recursive: true);

    private static (DataStack, Template) Synthesize(DataStackEnvironment environment, string? bundle)
    {
        var app = new App(new AppProps { Context = CdkJsonContext() });
        var stack = new DataStack(app, environment.StackName, new DataStackProps
        {
            Environment = environment,
            MigrationBundleDirectory = bundle,
        });
        return (stack, Template.FromStack(stack));
    }
}

/// <summary>Every test class shares one <see cref="DataStackTemplates"/>.</summary>
[CollectionDefinition(Name)]
public sealed class DataStackTemplatesCollection : ICollectionFixture<DataStackTemplates>
{
    /// <summary>The collection name.</summary>
    public const string Name = "DataStack templates";
}
