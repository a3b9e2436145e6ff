using Amazon.CDK;

namespace TriviaNft.Infra;

/// <summary>
/// Every number that differs between staging and production, in one place. Everything else in the
/// DataStack is the same in both environments.
/// </summary>
/// <param name="Name">The environment name used in stack, secret and resource names.</param>
/// <param name="MinCapacity">Aurora Serverless v2 minimum capacity in ACUs.</param>
/// <param name="MaxCapacity">Aurora Serverless v2 maximum capacity in ACUs.</param>
/// <param name="DeletionProtection">Aurora deletion protection and stack termination protection.</param>
/// <param name="ProxyDebugLogging">Whether RDS Proxy logs SQL statements (never in production: they carry data).</param>
/// <param name="RemovalPolicy">What happens to data-bearing resources when the stack is deleted.</param>
public sealed record DataStackEnvironment(
    string Name,
    double MinCapacity,
    double MaxCapacity,
    bool DeletionProtection,
    bool ProxyDebugLogging,
    RemovalPolicy RemovalPolicy)
{
    /// <summary>The context key that selects the environment: <c>cdk synth -c env=production</c>.</summary>
    public const string ContextKey = "env";

    /// <summary>Staging scales down to half an ACU and can be destroyed with everything in it.</summary>
    public static DataStackEnvironment Staging { get; } =
        new("staging", MinCapacity: 0.5, MaxCapacity: 16, DeletionProtection: false, ProxyDebugLogging: true, RemovalPolicy.DESTROY);

    /// <summary>Production keeps 2 ACUs warm and retains its data when the stack goes away.</summary>
    public static DataStackEnvironment Production { get; } =
        new("production", MinCapacity: 2, MaxCapacity: 16, DeletionProtection: true, ProxyDebugLogging: false, RemovalPolicy.RETAIN);

    /// <summary>All environments the app knows, in the order they are documented.</summary>
    public static IReadOnlyList<DataStackEnvironment> All { get; } = [Staging, Production];

    /// <summary>The CloudFormation stack name, e.g. <c>TriviaNft-DataStack-staging</c>.</summary>
    public string StackName => $"TriviaNft-DataStack-{Name}";

    /// <summary>
    /// A physical resource name in the guide's pattern, e.g. <c>trivianft-aurora-staging</c>: lower case, as RDS
    /// and ElastiCache identifiers require, and what the runbooks' debugging commands name.
    /// </summary>
    public string PhysicalName(string role) => $"trivianft-{role}-{Name}";

    /// <summary>Resolves the value of the <c>env</c> context; no value means staging.</summary>
    /// <exception cref="ArgumentException">The value names no known environment.</exception>
    public static DataStackEnvironment FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Staging;
        }

        return All.FirstOrDefault(e => string.Equals(e.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"Unknown environment '{name}'. Use -c {ContextKey}=staging or -c {ContextKey}=production.",
                nameof(name));
    }
}
