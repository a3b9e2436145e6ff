using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.CustomResources;
using Constructs;

namespace TriviaNft.Infra.Constructs;

/// <summary>Inputs of <see cref="MigrationFunction"/>.</summary>
public sealed class MigrationFunctionProps
{
    /// <summary>The environment being deployed.</summary>
    public required DataStackEnvironment Environment { get; init; }

    /// <summary>
    /// The published migrator for Lambda's custom runtime: a directory holding an executable <c>bootstrap</c>
    /// (linux-x64). Null, or a directory that does not exist, means the stack has no migration function yet.
    /// </summary>
    public string? BundleDirectory { get; init; }

    /// <summary>The VPC.</summary>
    public required IVpc Vpc { get; init; }

    /// <summary>The subnets of the function (private, with egress to Secrets Manager).</summary>
    public required SubnetSelection Subnets { get; init; }

    /// <summary>The function's security group (the Lambda security group).</summary>
    public required ISecurityGroup SecurityGroup { get; init; }

    /// <summary>The database secret; the function may read this one and <see cref="RedisSecret"/>, nothing else.</summary>
    public required ISecret DatabaseSecret { get; init; }

    /// <summary>The Redis AUTH token secret, which the scheduled jobs need.</summary>
    public required ISecret RedisSecret { get; init; }

    /// <summary>The ElastiCache configuration endpoint as <c>host:port</c>.</summary>
    public required string RedisEndpoint { get; init; }

    /// <summary>What must exist before migrations run: the cluster with its instances.</summary>
    public required IDependable Database { get; init; }
}

/// <summary>
/// The migration Lambda of the guide (<c>TriviaNFT-Migration-{env}</c>) and the custom resource that runs it on
/// every deployment that changes the bundle. It connects to the writer directly, never through the proxy
/// (design §6). The same function runs the scheduled jobs (<see cref="JobSchedules"/>). Without a bundle it
/// creates nothing, so the stack deploys before the migrator is published.
/// </summary>
public sealed class MigrationFunction : Construct
{
    /// <summary>The executable the custom runtime starts.</summary>
    public const string BootstrapFileName = "bootstrap";

    /// <summary>Where the bundle's time zone files are once deployed (Lambda unpacks the bundle into /var/task).</summary>
    public const string TimeZoneDirectory = "/var/task/zoneinfo";

    /// <summary>Creates the function and its custom resource when the bundle directory exists.</summary>
    public MigrationFunction(Construct scope, string id, MigrationFunctionProps props)
        : base(scope, id)
    {
        if (!HasBundle(props.BundleDirectory))
        {
            return;
        }

        var bundle = Path.GetFullPath(props.BundleDirectory);
        if (!File.Exists(Path.Combine(bundle, BootstrapFileName)))
        {
            throw new ArgumentException(
                $"The migration bundle '{bundle}' has no '{BootstrapFileName}' executable; publish the migrator for " +
                "the Lambda custom runtime into it, or leave the bundle out to deploy without migrations.",
                nameof(props));
        }

        var environment = props.Environment;

        var logGroup = new LogGroup(this, "LogGroup", new LogGroupProps
        {
            LogGroupName = $"/aws/lambda/TriviaNFT-Migration-{environment.Name}",
            Retention = RetentionDays.ONE_MONTH,
            RemovalPolicy = environment.RemovalPolicy,
        });

        var function = new Function(this, "Function", new FunctionProps
        {
            FunctionName = $"TriviaNFT-Migration-{environment.Name}",
            Description = "Applies the TriviaNft database migrations (custom resource and manual invoke) and runs the scheduled data jobs",
            Runtime = Runtime.PROVIDED_AL2023,
            // The bundle is published with -r linux-x64.
            Architecture = Architecture.X86_64,
            Handler = BootstrapFileName,
            Code = Code.FromAsset(bundle),
            MemorySize = 512,
            Timeout = Duration.Minutes(10),
            Vpc = props.Vpc,
            VpcSubnets = props.Subnets,
            SecurityGroups = [props.SecurityGroup],
            LogGroup = logGroup,
            // The migrator reads the secret at invoke time through the extension on localhost:2773.
            ParamsAndSecrets = ParamsAndSecretsLayerVersion.FromVersion(ParamsAndSecretsVersions.V1_0_103),
            Environment = new Dictionary<string, string>
            {
                ["DATABASE_SECRET_ARN"] = props.DatabaseSecret.SecretArn,
                ["REDIS_SECRET_ARN"] = props.RedisSecret.SecretArn,
                ["REDIS_ENDPOINT"] = props.RedisEndpoint,
                // The jobs' metric dimension and log context.
                ["TRIVIANFT_ENVIRONMENT"] = environment.Name,
                // The jobs keep New York time; provided.al2023 may lack tzdata, so the bundle ships the zone file
                // and .NET reads the zone database from TZDIR.
                ["TZDIR"] = TimeZoneDirectory,
            },
        });
        _ = props.DatabaseSecret.GrantRead(function);
        _ = props.RedisSecret.GrantRead(function);

        var provider = new Provider(this, "Provider", new ProviderProps
        {
            OnEventHandler = function,
            LogGroup = new LogGroup(this, "ProviderLogGroup", new LogGroupProps
            {
                Retention = RetentionDays.ONE_MONTH,
                RemovalPolicy = environment.RemovalPolicy,
            }),
        });

        var migration = new CustomResource(this, "Migration", new CustomResourceProps
        {
            ServiceToken = provider.ServiceToken,
            ResourceType = "Custom::TriviaNftMigration",
            Properties = new Dictionary<string, object>
            {
                // A new bundle changes this, which makes CloudFormation send an Update, which migrates.
                ["BundleFingerprint"] = Amazon.CDK.FileSystem.Fingerprint(bundle),
                // Named separately so a changed or added migration visibly re-runs the resource on deploy.
                ["MigrationsChecksum"] = MigrationsChecksum(bundle),
                ["SecretArn"] = props.DatabaseSecret.SecretArn,
            },
        });
        migration.Node.AddDependency(props.Database);

        Function = function;
    }

    /// <summary>The migration function, or null when no bundle was given.</summary>
    public Function? Function { get; }

    /// <summary>SHA-256 over the bundle's <c>migrations/*.sql</c> (names and contents, in name order), hex.</summary>
    public static string MigrationsChecksum(string bundleDirectory)
    {
        var directory = Path.Combine(bundleDirectory, "migrations");
        if (!Directory.Exists(directory))
        {
            throw new ArgumentException($"The migration bundle '{bundleDirectory}' has no migrations directory.", nameof(bundleDirectory));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(directory, "*.sql").Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Whether a bundle directory was given and exists.</summary>
    public static bool HasBundle([NotNullWhen(true)] string? bundleDirectory) =>
        !string.IsNullOrWhiteSpace(bundleDirectory) && Directory.Exists(bundleDirectory);
}
