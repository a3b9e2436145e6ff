using Amazon.CDK;

namespace TriviaNft.Infra;

/// <summary>The stack outputs: the contract with the cloud binding (docs/deploy.md lists them).</summary>
public sealed partial class DataStack
{
    /// <summary>
    /// Output keys as they appear in <c>cdk deploy --outputs-file</c>. Renaming one breaks the readers of that
    /// file and the CloudFormation exports <c>{stack}-{key}</c>, so these names are fixed.
    /// </summary>
    public static class OutputKeys
    {
        /// <summary>Aurora cluster writer endpoint (direct; migrations and admin only).</summary>
        public const string WriterEndpoint = nameof(WriterEndpoint);

        /// <summary>Aurora cluster reader endpoint (direct).</summary>
        public const string ReaderEndpoint = nameof(ReaderEndpoint);

        /// <summary>Aurora port.</summary>
        public const string DatabasePort = nameof(DatabasePort);

        /// <summary>The database name.</summary>
        public const string DatabaseName = nameof(DatabaseName);

        /// <summary>RDS Proxy read/write endpoint (<c>trivia-db</c>).</summary>
        public const string ProxyEndpoint = nameof(ProxyEndpoint);

        /// <summary>RDS Proxy READ_ONLY endpoint (<c>trivia-db-reader</c>).</summary>
        public const string ProxyReadOnlyEndpoint = nameof(ProxyReadOnlyEndpoint);

        /// <summary>Redis configuration endpoint host (<c>trivia-cache</c>).</summary>
        public const string RedisConfigurationEndpoint = nameof(RedisConfigurationEndpoint);

        /// <summary>Redis configuration endpoint port.</summary>
        public const string RedisPort = nameof(RedisPort);

        /// <summary>ARN of <c>{env}/trivia-nft/database</c>.</summary>
        public const string DatabaseSecretArn = nameof(DatabaseSecretArn);

        /// <summary>ARN of <c>{env}/trivia-nft/redis</c>.</summary>
        public const string RedisSecretArn = nameof(RedisSecretArn);

        /// <summary>The security group Lambda functions must use to reach the data layer.</summary>
        public const string LambdaSecurityGroupId = nameof(LambdaSecurityGroupId);

        /// <summary>The VPC id.</summary>
        public const string VpcId = nameof(VpcId);

        /// <summary>Comma-separated ids of the private subnets, where Lambda functions go.</summary>
        public const string PrivateSubnetIds = nameof(PrivateSubnetIds);

        /// <summary>The SNS topic every alarm notifies.</summary>
        public const string AlarmTopicArn = nameof(AlarmTopicArn);

        /// <summary>Name of the migration Lambda; only present when the stack was synthesized with a bundle.</summary>
        public const string MigrationFunctionName = nameof(MigrationFunctionName);
    }

    private void AddOutputs(DataStackEnvironment environment)
    {
        var cluster = Database.Cluster;
        Output(OutputKeys.WriterEndpoint, cluster.ClusterEndpoint.Hostname, "Aurora writer endpoint (direct)");
        Output(OutputKeys.ReaderEndpoint, cluster.ClusterReadEndpoint.Hostname, "Aurora reader endpoint (direct)");
        Output(OutputKeys.DatabasePort, Token.AsString(cluster.ClusterEndpoint.Port), "Aurora and RDS Proxy port");
        Output(OutputKeys.DatabaseName, DatabaseName, "Database name");
        Output(OutputKeys.ProxyEndpoint, Proxy.Endpoint, "RDS Proxy read/write endpoint");
        Output(OutputKeys.ProxyReadOnlyEndpoint, Proxy.ReadOnlyEndpointAddress, "RDS Proxy read-only endpoint");
        Output(OutputKeys.RedisConfigurationEndpoint, Cache.ConfigurationEndpoint, "Redis configuration endpoint");
        Output(OutputKeys.RedisPort, Cache.ConfigurationEndpointPort, "Redis port");
        Output(OutputKeys.DatabaseSecretArn, Database.Secret.SecretArn, $"Secret {environment.Name}/trivia-nft/database");
        Output(OutputKeys.RedisSecretArn, Secrets.RedisSecret.SecretArn, $"Secret {environment.Name}/trivia-nft/redis");
        Output(OutputKeys.LambdaSecurityGroupId, Network.LambdaSecurityGroup.SecurityGroupId, "Security group for Lambda functions");
        Output(OutputKeys.VpcId, Network.Vpc.VpcId, "VPC id");
        Output(OutputKeys.PrivateSubnetIds,
            Fn.Join(",", Network.Vpc.SelectSubnets(Network.PrivateSubnets).SubnetIds), "Private subnet ids, comma-separated");
        Output(OutputKeys.AlarmTopicArn, Monitoring.AlarmTopic.TopicArn, "SNS topic of the data layer alarms");

        if (Migration.Function is { } function)
        {
            Output(OutputKeys.MigrationFunctionName, function.FunctionName, "Migration Lambda");
        }
    }

    private void Output(string key, string value, string description) =>
        _ = new CfnOutput(this, key, new CfnOutputProps
        {
            Value = value,
            Description = description,
            ExportName = $"{StackName}-{key}",
        });
}
