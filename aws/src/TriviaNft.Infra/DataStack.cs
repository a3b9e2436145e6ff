using Amazon.CDK;
using Constructs;
using TriviaNft.Infra.Constructs;

namespace TriviaNft.Infra;

/// <summary>Inputs of <see cref="DataStack"/>.</summary>
public sealed class DataStackProps : StackProps
{
    /// <summary>The environment being deployed.</summary>
    public required DataStackEnvironment Environment { get; init; }

    /// <summary>
    /// The migrator bundle for the migration Lambda (see <see cref="MigrationFunctionProps.BundleDirectory"/>);
    /// null deploys the stack without it.
    /// </summary>
    public string? MigrationBundleDirectory { get; init; }
}

/// <summary>
/// The TriviaNft data layer: VPC, Aurora Serverless v2 PostgreSQL behind RDS Proxy, ElastiCache Redis in cluster
/// mode, their secrets, alarms, the migration Lambda and the scheduled jobs it runs. Its outputs are what the
/// cloud binding reads from <c>cdk deploy --outputs-file</c>.
/// </summary>
public sealed partial class DataStack : Stack
{
    /// <summary>The database created in the cluster.</summary>
    public const string DatabaseName = "trivianft";

    /// <summary>The Aurora master user.</summary>
    public const string DatabaseUsername = "postgres";

    /// <summary>The context key of the migration bundle directory: <c>cdk deploy -c migrationBundle=dir</c>.</summary>
    public const string MigrationBundleContextKey = "migrationBundle";

    /// <summary>Wires the constructs together and declares the outputs.</summary>
    public DataStack(Construct scope, string id, DataStackProps props)
        : base(scope, id, props)
    {
        var environment = props.Environment;
        // Production's stack cannot be deleted by accident either, like its cluster.
        TerminationProtection = environment.DeletionProtection;
        Amazon.CDK.Tags.Of(this).Add("Project", "TriviaNft");
        Amazon.CDK.Tags.Of(this).Add("Environment", environment.Name);

        Network = new Network(this, "Network", new NetworkProps { Environment = environment });

        Secrets = new Secrets(this, "Secrets", new SecretsProps
        {
            Environment = environment,
            DatabaseName = DatabaseName,
            DatabaseUsername = DatabaseUsername,
        });

        Database = new Database(this, "Database", new DatabaseProps
        {
            Environment = environment,
            Vpc = Network.Vpc,
            Subnets = Network.IsolatedSubnets,
            SecurityGroup = Network.DatabaseSecurityGroup,
            MasterSecret = Secrets.DatabaseSecret,
            DatabaseName = DatabaseName,
        });

        Proxy = new Proxy(this, "Proxy", new ProxyProps
        {
            Environment = environment,
            Cluster = Database.Cluster,
            Secret = Database.Secret,
            Vpc = Network.Vpc,
            Subnets = Network.IsolatedSubnets,
            SecurityGroup = Network.ProxySecurityGroup,
        });

        Cache = new Cache(this, "Cache", new CacheProps
        {
            Environment = environment,
            Vpc = Network.Vpc,
            Subnets = Network.IsolatedSubnets,
            SecurityGroup = Network.CacheSecurityGroup,
            AuthTokenSecret = Secrets.RedisSecret,
        });

        Monitoring = new Monitoring(this, "Monitoring", new MonitoringProps
        {
            Environment = environment,
            Cluster = Database.Cluster,
            ProxyName = Proxy.ProxyName,
            CacheNodeClusterIds = Cache.NodeClusterIds,
        });

        Migration = new MigrationFunction(this, "Migration", new MigrationFunctionProps
        {
            Environment = environment,
            BundleDirectory = props.MigrationBundleDirectory,
            Vpc = Network.Vpc,
            Subnets = Network.PrivateSubnets,
            SecurityGroup = Network.LambdaSecurityGroup,
            DatabaseSecret = Database.Secret,
            RedisSecret = Secrets.RedisSecret,
            RedisEndpoint = $"{Cache.ConfigurationEndpoint}:{Cache.ConfigurationEndpointPort}",
            Database = Database.Cluster,
        });

        // The jobs run in the migration function, so they exist only when it does.
        if (Migration.Function is { } function)
        {
            Jobs = new JobSchedules(this, "Jobs", new JobSchedulesProps
            {
                Environment = environment,
                Function = function,
                AlarmTopic = Monitoring.AlarmTopic,
            });
        }

        AddOutputs(environment);
    }

    /// <summary>VPC, subnets and security groups.</summary>
    public Network Network { get; }

    /// <summary>The database and Redis secrets.</summary>
    public Secrets Secrets { get; }

    /// <summary>The Aurora cluster.</summary>
    public Database Database { get; }

    /// <summary>RDS Proxy and its read-only endpoint.</summary>
    public Proxy Proxy { get; }

    /// <summary>The Redis replication group.</summary>
    public Cache Cache { get; }

    /// <summary>The alarm topic and alarms.</summary>
    public Monitoring Monitoring { get; }

    /// <summary>The migration Lambda seam (empty without a bundle).</summary>
    public MigrationFunction Migration { get; }

    /// <summary>The scheduled jobs, their dead-letter queue and alarms; null without a migration bundle.</summary>
    public JobSchedules? Jobs { get; }
}
