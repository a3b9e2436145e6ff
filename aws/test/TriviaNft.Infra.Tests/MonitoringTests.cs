using Amazon.CDK.Assertions;
using static TriviaNft.Infra.Tests.TemplateQueries;

namespace TriviaNft.Infra.Tests;

[Collection(DataStackTemplatesCollection.Name)]
public sealed class MonitoringTests(DataStackTemplates templates)
{
    public static TheoryData<string, string> AuroraMetrics => new()
    {
        { "staging", "CPUUtilization" }, { "staging", "DatabaseConnections" },
        { "staging", "ServerlessDatabaseCapacity" }, { "staging", "FreeableMemory" },
        { "staging", "ReadLatency" }, { "staging", "WriteLatency" },
        { "production", "CPUUtilization" }, { "production", "DatabaseConnections" },
        { "production", "ServerlessDatabaseCapacity" }, { "production", "FreeableMemory" },
        { "production", "ReadLatency" }, { "production", "WriteLatency" },
    };

    public static TheoryData<string, string> RedisMetrics => new()
    {
        { "staging", "CPUUtilization" }, { "staging", "EngineCPUUtilization" },
        { "staging", "DatabaseMemoryUsagePercentage" }, { "staging", "Evictions" },
        { "staging", "CurrConnections" }, { "staging", "ReplicationLag" },
        { "production", "CPUUtilization" }, { "production", "EngineCPUUtilization" },
        { "production", "DatabaseMemoryUsagePercentage" }, { "production", "Evictions" },
        { "production", "CurrConnections" }, { "production", "ReplicationLag" },
    };

    [Theory]
    [MemberData(nameof(AuroraMetrics))]
    public void AuroraMetricHasAnAlarmOnTheCluster(string environment, string metric)
    {
        var template = templates.For(environment);
        var cluster = Assert.Single(template.FindResources("AWS::RDS::DBCluster", null)).Key;

        template.ResourcePropertiesCountIs("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["Namespace"] = "AWS/RDS",
            ["MetricName"] = metric,
            ["Dimensions"] = new object[]
            {
                new Dictionary<string, object> { ["Name"] = "DBClusterIdentifier", ["Value"] = Ref(cluster) },
            },
        }, 1);
    }

    [Theory]
    [MemberData(nameof(RedisMetrics))]
    public void RedisMetricHasOneAlarmWatchingEveryNode(string environment, string metric)
    {
        var template = templates.For(environment);
        var alarms = template.FindResources("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Metrics"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["MetricStat"] = Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Metric"] = Match.ObjectLike(new Dictionary<string, object>
                        {
                            ["Namespace"] = "AWS/ElastiCache",
                            ["MetricName"] = metric,
                        }),
                    }),
                })]),
            }),
        });

        var alarm = (IDictionary<string, object>)Assert.Single(alarms).Value["Properties"];
        var nodes = ((object[])alarm["Metrics"]).Cast<IDictionary<string, object>>()
            .Where(m => m.ContainsKey("MetricStat"))
            .Select(m => ((object[])((IDictionary<string, object>)((IDictionary<string, object>)m["MetricStat"])["Metric"])["Dimensions"])
                .Cast<IDictionary<string, object>>().Single(d => (string)d["Name"] == "CacheClusterId")["Value"])
            .Order();
        string[] expected =
        [
            .. from shard in new[] { "0001", "0002" }
               from node in new[] { "001", "002", "003" }
               select $"trivianft-redis-{environment}-{shard}-{node}",
        ];
        Assert.Equal(expected, nodes);
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void ProxyConnectionSetupFailuresRaiseAnAlarm(string environment) =>
        templates.For(environment).HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["Namespace"] = "AWS/RDS",
            ["MetricName"] = "DatabaseConnectionsSetupFailed",
            ["Dimensions"] = new object[]
            {
                new Dictionary<string, object> { ["Name"] = "ProxyName", ["Value"] = $"trivianft-proxy-{environment}" },
            },
            ["Statistic"] = "Sum",
            ["ComparisonOperator"] = "GreaterThanThreshold",
            ["Threshold"] = 0,
        });

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void EveryAlarmNotifiesTheTopicOnAlarmAndOnRecovery(string environment)
    {
        var template = templates.For(environment);
        template.ResourceCountIs("AWS::SNS::Topic", 1);
        var topic = Assert.Single(template.FindResources("AWS::SNS::Topic", null)).Key;

        template.ResourceCountIs("AWS::CloudWatch::Alarm", 13);
        template.AllResourcesProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmActions"] = new object[] { Ref(topic) },
            ["OKActions"] = new object[] { Ref(topic) },
        });
    }

    [Theory]
    [InlineData("staging", 14)]
    [InlineData("production", 14)]
    public void CapacityAlarmFiresNearTheAcuCeiling(string environment, double threshold) =>
        templates.For(environment).HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["MetricName"] = "ServerlessDatabaseCapacity",
            ["Threshold"] = threshold,
            ["ComparisonOperator"] = "GreaterThanThreshold",
        });

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void EveryLogGroupIsKeptThirtyDays(string environment)
    {
        var template = templates.For(environment);

        template.AllResourcesProperties("AWS::Logs::LogGroup", new Dictionary<string, object> { ["RetentionInDays"] = 30 });
        // No log group is left to a service default (never expire) through CDK's LogRetention custom resource.
        template.ResourceCountIs("Custom::LogRetention", 0);
    }
}
