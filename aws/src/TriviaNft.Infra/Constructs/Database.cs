using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace TriviaNft.Infra.Constructs;

/// <summary>Inputs of <see cref="Database"/>.</summary>
public sealed class DatabaseProps
{
    /// <summary>The environment being deployed.</summary>
    public required DataStackEnvironment Environment { get; init; }

    /// <summary>The VPC.</summary>
    public required IVpc Vpc { get; init; }

    /// <summary>The subnets of the cluster (the isolated ones).</summary>
    public required SubnetSelection Subnets { get; init; }

    /// <summary>The cluster's security group.</summary>
    public required ISecurityGroup SecurityGroup { get; init; }

    /// <summary>The master credentials; the cluster attaches itself to this secret.</summary>
    public required ISecret MasterSecret { get; init; }

    /// <summary>The database created with the cluster.</summary>
    public required string DatabaseName { get; init; }
}

/// <summary>
/// Aurora Serverless v2 PostgreSQL 15.4: a writer and a reader that scales with it, KMS-encrypted storage,
/// TLS required, 35 days of backups, Performance Insights and PostgreSQL logs kept 30 days.
/// </summary>
public sealed class Database : Construct
{
    /// <summary>Backup retention; also the point-in-time recovery window.</summary>
    public static readonly Duration BackupRetention = Duration.Days(35);

    /// <summary>Creates the encryption key, parameter group, log group and cluster.</summary>
    public Database(Construct scope, string id, DatabaseProps props)
        : base(scope, id)
    {
        var environment = props.Environment;
        var clusterIdentifier = environment.PhysicalName("aurora");

        EncryptionKey = new Key(this, "EncryptionKey", new KeyProps
        {
            Description = $"TriviaNft Aurora storage and Performance Insights ({environment.Name})",
            EnableKeyRotation = true,
            RemovalPolicy = environment.RemovalPolicy,
        });

        var engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps
        {
            Version = AuroraPostgresEngineVersion.VER_15_4,
        });

        var parameterGroup = new ParameterGroup(this, "ClusterParameters", new ParameterGroupProps
        {
            Engine = engine,
            Description = "TriviaNft Aurora PostgreSQL cluster parameters",
            Parameters = new Dictionary<string, string>
            {
                // The guide's "SSL/TLS required" for direct connections; the proxy enforces it on its side.
                ["rds.force_ssl"] = "1",
                // The guide's slow-query logs: statements over one second reach the exported postgresql log.
                ["log_min_duration_statement"] = "1000",
            },
        });

        // Created before the cluster so that retention and removal policy are ours, not a default group that
        // RDS would create on first export and keep forever.
        var logGroup = new LogGroup(this, "PostgresqlLogGroup", new LogGroupProps
        {
            LogGroupName = $"/aws/rds/cluster/{clusterIdentifier}/postgresql",
            Retention = RetentionDays.ONE_MONTH,
            RemovalPolicy = environment.RemovalPolicy,
        });

        Cluster = new DatabaseCluster(this, "Cluster", new DatabaseClusterProps
        {
            ClusterIdentifier = clusterIdentifier,
            Engine = engine,
            ParameterGroup = parameterGroup,
            Credentials = Credentials.FromSecret(props.MasterSecret),
            DefaultDatabaseName = props.DatabaseName,
            Writer = ClusterInstance.ServerlessV2("writer", InstanceProps(scaleWithWriter: false)),
            // Scales with the writer so that a failover lands on an instance already sized for the load.
            Readers = [ClusterInstance.ServerlessV2("reader", InstanceProps(scaleWithWriter: true))],
            ServerlessV2MinCapacity = environment.MinCapacity,
            ServerlessV2MaxCapacity = environment.MaxCapacity,
            Vpc = props.Vpc,
            VpcSubnets = props.Subnets,
            SecurityGroups = [props.SecurityGroup],
            Port = Network.PostgresPort,
            StorageEncrypted = true,
            StorageEncryptionKey = EncryptionKey,
            Backup = new BackupProps { Retention = BackupRetention, PreferredWindow = "03:00-04:00" },
            PreferredMaintenanceWindow = "Sun:04:30-Sun:05:30",
            CopyTagsToSnapshot = true,
            CloudwatchLogsExports = ["postgresql"],
            DeletionProtection = environment.DeletionProtection,
            RemovalPolicy = environment.RemovalPolicy,
        });
        Cluster.Node.AddDependency(logGroup);

        ServerlessV2ClusterInstanceProps InstanceProps(bool scaleWithWriter) => new()
        {
            ScaleWithWriter = scaleWithWriter,
            EnablePerformanceInsights = true,
            PerformanceInsightRetention = PerformanceInsightRetention.DEFAULT,
            PerformanceInsightEncryptionKey = EncryptionKey,
            PubliclyAccessible = false,
        };
    }

    /// <summary>The Aurora cluster.</summary>
    public DatabaseCluster Cluster { get; }

    /// <summary>The customer-managed key (rotated yearly) of the cluster storage and Performance Insights.</summary>
    public Key EncryptionKey { get; }

    /// <summary>The master secret, attached to the cluster (it now also holds host and port).</summary>
    public ISecret Secret => Cluster.Secret
        ?? throw new InvalidOperationException("The cluster was created without a secret.");
}
