using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace TriviaNft.Infra.Constructs;

/// <summary>Inputs of <see cref="Network"/>.</summary>
public sealed class NetworkProps
{
    /// <summary>The environment being deployed.</summary>
    public required DataStackEnvironment Environment { get; init; }
}

/// <summary>
/// The VPC of the data layer (public, private-with-egress and isolated /24 subnets in 2 AZs, one NAT gateway),
/// its flow logs, and the security groups of the guide. All security-group rules live here so that the whole
/// network policy can be read in one file.
/// </summary>
public sealed class Network : Construct
{
    /// <summary>PostgreSQL port of Aurora and RDS Proxy.</summary>
    public const int PostgresPort = 5432;

    /// <summary>Redis port of the ElastiCache replication group.</summary>
    public const int RedisPort = 6379;

    /// <summary>Creates the VPC, its flow log and the security groups.</summary>
    public Network(Construct scope, string id, NetworkProps props)
        : base(scope, id)
    {
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            IpAddresses = IpAddresses.Cidr("10.0.0.0/16"),
            MaxAzs = 2,
            // One NAT gateway shared by both private subnets: the guide's cost choice. Losing its AZ cuts the
            // Lambdas' internet egress, not their access to Aurora and Redis.
            NatGateways = 1,
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = "Public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = "Private", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 24 },
                new SubnetConfiguration { Name = "Isolated", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 },
            ],
        });

        // The guide's audit logging: every accepted and rejected flow, kept as long as the other logs.
        var flowLogGroup = new LogGroup(this, "FlowLogGroup", new LogGroupProps
        {
            LogGroupName = $"/trivianft/{props.Environment.Name}/vpc-flow-logs",
            Retention = RetentionDays.ONE_MONTH,
            RemovalPolicy = props.Environment.RemovalPolicy,
        });
        _ = Vpc.AddFlowLog("FlowLog", new FlowLogOptions
        {
            Destination = FlowLogDestination.ToCloudWatchLogs(flowLogGroup),
            TrafficType = FlowLogTrafficType.ALL,
        });

        LambdaSecurityGroup = NewSecurityGroup("LambdaSecurityGroup",
            "TriviaNft Lambda functions: all outbound (AWS APIs, Secrets Manager), no inbound", allowAllOutbound: true);
        DatabaseSecurityGroup = NewSecurityGroup("DatabaseSecurityGroup",
            "TriviaNft Aurora: PostgreSQL from the Lambda functions and RDS Proxy only, no outbound", allowAllOutbound: false);
        ProxySecurityGroup = NewSecurityGroup("ProxySecurityGroup",
            "TriviaNft RDS Proxy: PostgreSQL from the Lambda functions, out to Aurora only", allowAllOutbound: false);
        CacheSecurityGroup = NewSecurityGroup("CacheSecurityGroup",
            "TriviaNft Redis: Redis from the Lambda functions only, no outbound", allowAllOutbound: false);

        var postgres = Port.Tcp(PostgresPort);

        // The guide's rule. Lambdas reach the writer directly only for migrations (design §3); everything else
        // goes through the proxy.
        DatabaseSecurityGroup.AddIngressRule(LambdaSecurityGroup, postgres, "PostgreSQL from Lambda functions");

        // RDS Proxy gets its own security group instead of sharing Aurora's: sharing would need a self-referencing
        // egress rule on the Aurora group, and the guide wants Aurora with no outbound rule at all. The proxy's
        // path to Aurora (ingress on the Aurora group from the proxy group, egress on the proxy group to the
        // Aurora group, both on the cluster port) is added by DatabaseProxy itself; adding it here as well would
        // duplicate the rules, which EC2 rejects at deploy time.
        ProxySecurityGroup.AddIngressRule(LambdaSecurityGroup, postgres, "PostgreSQL from Lambda functions");

        CacheSecurityGroup.AddIngressRule(LambdaSecurityGroup, Port.Tcp(RedisPort), "Redis from Lambda functions");
    }

    /// <summary>The VPC.</summary>
    public Vpc Vpc { get; }

    /// <summary>Where the Lambda functions run: private subnets with egress through the NAT gateway.</summary>
    public SubnetSelection PrivateSubnets { get; } = new() { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };

    /// <summary>Where Aurora, RDS Proxy and Redis run: isolated subnets, no route to the internet.</summary>
    public SubnetSelection IsolatedSubnets { get; } = new() { SubnetType = SubnetType.PRIVATE_ISOLATED };

    /// <summary>For every Lambda function that talks to the data layer: all outbound, no inbound.</summary>
    public SecurityGroup LambdaSecurityGroup { get; }

    /// <summary>Aurora's: 5432 from the Lambda and proxy security groups only, no outbound.</summary>
    public SecurityGroup DatabaseSecurityGroup { get; }

    /// <summary>RDS Proxy's: 5432 from the Lambda security group only, outbound to Aurora only.</summary>
    public SecurityGroup ProxySecurityGroup { get; }

    /// <summary>Redis's: 6379 from the Lambda security group only, no outbound.</summary>
    public SecurityGroup CacheSecurityGroup { get; }

    private SecurityGroup NewSecurityGroup(string id, string description, bool allowAllOutbound) =>
        new(this, id, new SecurityGroupProps
        {
            Vpc = Vpc,
            Description = description,
            AllowAllOutbound = allowAllOutbound,
        });
}
