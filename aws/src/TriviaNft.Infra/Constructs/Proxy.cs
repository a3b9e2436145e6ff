using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace TriviaNft.Infra.Constructs;

/// <summary>Inputs of <see cref="Proxy"/>.</summary>
public sealed class ProxyProps
{
    /// <summary>The environment being deployed.</summary>
    public required DataStackEnvironment Environment { get; init; }

    /// <summary>The cluster behind the proxy.</summary>
    public required IDatabaseCluster Cluster { get; init; }

    /// <summary>The credentials the proxy uses to reach the cluster.</summary>
    public required ISecret Secret { get; init; }

    /// <summary>The VPC.</summary>
    public required IVpc Vpc { get; init; }

    /// <summary>The subnets of the proxy and its read-only endpoint.</summary>
    public required SubnetSelection Subnets { get; init; }

    /// <summary>The proxy's security group.</summary>
    public required ISecurityGroup SecurityGroup { get; init; }
}

/// <summary>
/// RDS Proxy in front of Aurora for the Lambda functions: TLS required, the whole connection budget, half of it
/// kept idle, 120 s to borrow a connection, a 30 s statement timeout on every connection, SQL debug logging in
/// staging only; plus a READ_ONLY endpoint onto the reader.
/// </summary>
/// <remarks>
/// The proxy sits in the isolated subnets with the data tier: RDS Proxy's network prerequisites are only subnets in
/// two AZs of the cluster's VPC (it reads the secret with its IAM role, not through the VPC), and the Lambdas in the
/// private subnets reach it over the VPC's local route. The security groups, not the subnets, decide who connects.
/// </remarks>
public sealed class Proxy : Construct
{
    /// <summary>The statement timeout every proxied connection starts with (guide: 30 s).</summary>
    public const string InitQuery = "SET statement_timeout = '30s'";

    /// <summary>Creates the proxy, its read-only endpoint and its log group.</summary>
    public Proxy(Construct scope, string id, ProxyProps props)
        : base(scope, id)
    {
        var environment = props.Environment;
        ProxyName = environment.PhysicalName("proxy");

        // RDS Proxy logs into this group; creating it first gives it the 30-day retention.
        var logGroup = new LogGroup(this, "LogGroup", new LogGroupProps
        {
            LogGroupName = $"/aws/rds/proxy/{ProxyName}",
            Retention = RetentionDays.ONE_MONTH,
            RemovalPolicy = environment.RemovalPolicy,
        });

        DatabaseProxy = new DatabaseProxy(this, "Proxy", new DatabaseProxyProps
        {
            DbProxyName = ProxyName,
            ProxyTarget = ProxyTarget.FromCluster(props.Cluster),
            Secrets = [props.Secret],
            Vpc = props.Vpc,
            VpcSubnets = props.Subnets,
            SecurityGroups = [props.SecurityGroup],
            RequireTLS = true,
            MaxConnectionsPercent = 100,
            MaxIdleConnectionsPercent = 50,
            BorrowTimeout = Duration.Seconds(120),
            InitQuery = InitQuery,
            // Debug logs contain SQL text and parameters: staging only.
            DebugLogging = environment.ProxyDebugLogging,
            IamAuth = false,
        });
        DatabaseProxy.Node.AddDependency(logGroup);

        ReadOnlyEndpoint = new CfnDBProxyEndpoint(this, "ReadOnlyEndpoint", new CfnDBProxyEndpointProps
        {
            DbProxyName = DatabaseProxy.DbProxyName,
            DbProxyEndpointName = $"{ProxyName}-read-only",
            TargetRole = "READ_ONLY",
            VpcSubnetIds = props.Vpc.SelectSubnets(props.Subnets).SubnetIds,
            VpcSecurityGroupIds = [props.SecurityGroup.SecurityGroupId],
        });
    }

    /// <summary>The proxy's name, the <c>ProxyName</c> dimension of its metrics.</summary>
    public string ProxyName { get; }

    /// <summary>The proxy; its default endpoint is read/write and targets the writer.</summary>
    public DatabaseProxy DatabaseProxy { get; }

    /// <summary>The READ_ONLY endpoint (CDK 2.160 has no L2 for it), which targets the reader.</summary>
    public CfnDBProxyEndpoint ReadOnlyEndpoint { get; }

    /// <summary>Host name of the read/write endpoint.</summary>
    public string Endpoint => DatabaseProxy.Endpoint;

    /// <summary>Host name of the read-only endpoint.</summary>
    public string ReadOnlyEndpointAddress => ReadOnlyEndpoint.AttrEndpoint;
}
