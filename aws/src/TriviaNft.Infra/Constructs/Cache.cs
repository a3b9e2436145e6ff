using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace TriviaNft.Infra.Constructs;

/// <summary>Inputs of <see cref="Cache"/>.</summary>
public sealed class CacheProps
{
    /// <summary>The environment being deployed.</summary>
    public required DataStackEnvironment Environment { get; init; }

    /// <summary>The VPC.</summary>
    public required IVpc Vpc { get; init; }

    /// <summary>The subnets of the cache nodes (the isolated ones).</summary>
    public required SubnetSelection Subnets { get; init; }

    /// <summary>The cache's security group.</summary>
    public required ISecurityGroup SecurityGroup { get; init; }

    /// <summary>The secret holding the AUTH token under <see cref="Secrets.RedisAuthTokenKey"/>.</summary>
    public required ISecret AuthTokenSecret { get; init; }
}

/// <summary>
/// ElastiCache Redis 7.0 in cluster mode: 2 shards of 1 primary and 2 replicas on cache.r7g.large, TLS and
/// at-rest encryption, AUTH token, automatic failover across AZs and 7 days of daily snapshots.
/// </summary>
public sealed class Cache : Construct
{
    /// <summary>Number of shards (node groups).</summary>
    public const int Shards = 2;

    /// <summary>Replicas in each shard, beside its primary.</summary>
    public const int ReplicasPerShard = 2;

    /// <summary>Creates the subnet group, the slow-log group and the replication group.</summary>
    public Cache(Construct scope, string id, CacheProps props)
        : base(scope, id)
    {
        var environment = props.Environment;
        ReplicationGroupId = environment.PhysicalName("redis");

        var subnetGroup = new CfnSubnetGroup(this, "SubnetGroup", new CfnSubnetGroupProps
        {
            CacheSubnetGroupName = ReplicationGroupId,
            Description = "TriviaNft Redis: isolated subnets",
            SubnetIds = props.Vpc.SelectSubnets(props.Subnets).SubnetIds,
        });

        var slowLog = new LogGroup(this, "SlowLogGroup", new LogGroupProps
        {
            LogGroupName = $"/aws/elasticache/{ReplicationGroupId}/slow-log",
            Retention = RetentionDays.ONE_MONTH,
            RemovalPolicy = environment.RemovalPolicy,
        });

        ReplicationGroup = new CfnReplicationGroup(this, "ReplicationGroup", new CfnReplicationGroupProps
        {
            ReplicationGroupId = ReplicationGroupId,
            ReplicationGroupDescription = $"TriviaNft Redis ({environment.Name})",
            Engine = "redis",
            EngineVersion = "7.0",
            CacheNodeType = "cache.r7g.large",
            ClusterMode = "enabled",
            CacheParameterGroupName = "default.redis7.cluster.on",
            NumNodeGroups = Shards,
            ReplicasPerNodeGroup = ReplicasPerShard,
            Port = Network.RedisPort,
            TransitEncryptionEnabled = true,
            AtRestEncryptionEnabled = true,
            // A CloudFormation dynamic reference: the token is resolved by CloudFormation at deploy time and
            // never appears in the template.
            AuthToken = props.AuthTokenSecret.SecretValueFromJson(Secrets.RedisAuthTokenKey).UnsafeUnwrap(),
            AutomaticFailoverEnabled = true,
            MultiAzEnabled = true,
            SnapshotRetentionLimit = 7,
            SnapshotWindow = "03:00-04:00",
            PreferredMaintenanceWindow = "sun:05:30-sun:06:30",
            CacheSubnetGroupName = subnetGroup.Ref,
            SecurityGroupIds = [props.SecurityGroup.SecurityGroupId],
            LogDeliveryConfigurations = new object[]
            {
                new CfnReplicationGroup.LogDeliveryConfigurationRequestProperty
                {
                    LogType = "slow-log",
                    LogFormat = "json",
                    DestinationType = "cloudwatch-logs",
                    DestinationDetails = new CfnReplicationGroup.DestinationDetailsProperty
                    {
                        CloudWatchLogsDetails = new CfnReplicationGroup.CloudWatchLogsDestinationDetailsProperty
                        {
                            LogGroup = slowLog.LogGroupName,
                        },
                    },
                },
            },
        });
        ReplicationGroup.AddDependency(subnetGroup);
        ReplicationGroup.Node.AddDependency(slowLog);
        ReplicationGroup.ApplyRemovalPolicy(environment.RemovalPolicy);

        // ElastiCache names the member clusters of a cluster-mode group <group>-<shard:4>-<node:3>; their metrics
        // carry that CacheClusterId, so the alarms need the list.
        NodeClusterIds =
        [
            .. from shard in Enumerable.Range(1, Shards)
               from node in Enumerable.Range(1, ReplicasPerShard + 1)
               select $"{ReplicationGroupId}-{shard:0000}-{node:000}",
        ];
    }

    /// <summary>The replication group id, e.g. <c>trivianft-redis-staging</c>.</summary>
    public string ReplicationGroupId { get; }

    /// <summary>The replication group.</summary>
    public CfnReplicationGroup ReplicationGroup { get; }

    /// <summary>The CacheClusterId of every node (primaries and replicas), for per-node metrics.</summary>
    public IReadOnlyList<string> NodeClusterIds { get; }

    /// <summary>Host name of the configuration endpoint, what cluster-aware clients connect to.</summary>
    public string ConfigurationEndpoint => ReplicationGroup.AttrConfigurationEndPointAddress;

    /// <summary>Port of the configuration endpoint.</summary>
    public string ConfigurationEndpointPort => ReplicationGroup.AttrConfigurationEndPointPort;
}
