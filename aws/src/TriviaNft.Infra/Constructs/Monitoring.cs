using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace TriviaNft.Infra.Constructs;

/// <summary>Inputs of <see cref="Monitoring"/>.</summary>
public sealed class MonitoringProps
{
    /// <summary>The environment being deployed.</summary>
    public required DataStackEnvironment Environment { get; init; }

    /// <summary>The Aurora cluster.</summary>
    public required DatabaseCluster Cluster { get; init; }

    /// <summary>The RDS Proxy's name (its metrics' <c>ProxyName</c> dimension).</summary>
    public required string ProxyName { get; init; }

    /// <summary>The CacheClusterId of every Redis node.</summary>
    public required IReadOnlyList<string> CacheNodeClusterIds { get; init; }
}

/// <summary>
/// The guide's CloudWatch metrics as alarms, all notifying one SNS topic (on alarm and on recovery).
/// Thresholds and their reasons are tabled in docs/deploy.md.
/// </summary>
public sealed class Monitoring : Construct
{
    private static readonly Duration AlarmPeriod = Duration.Minutes(5);

    private readonly DataStackEnvironment _environment;
    private readonly List<Alarm> _alarms = [];

    /// <summary>Creates the topic and the alarms.</summary>
    public Monitoring(Construct scope, string id, MonitoringProps props)
        : base(scope, id)
    {
        _environment = props.Environment;
        AlarmTopic = new Topic(this, "AlarmTopic", new TopicProps
        {
            TopicName = _environment.PhysicalName("data-alarms"),
            DisplayName = $"TriviaNft data layer alarms ({_environment.Name})",
        });

        AddAuroraAlarms(props.Cluster);
        AddRedisAlarms(props.CacheNodeClusterIds);
        AddProxyAlarms(props.ProxyName);
    }

    /// <summary>Where every alarm notifies; subscribe e-mail or chat to it after deploying.</summary>
    public Topic AlarmTopic { get; }

    /// <summary>Every alarm created.</summary>
    public IReadOnlyList<Alarm> Alarms => _alarms;

    private void AddAuroraAlarms(DatabaseCluster cluster)
    {
        var average = new MetricOptions { Period = AlarmPeriod, Statistic = Stats.AVERAGE };
        var maximum = new MetricOptions { Period = AlarmPeriod, Statistic = Stats.MAXIMUM };
        var minimum = new MetricOptions { Period = AlarmPeriod, Statistic = Stats.MINIMUM };

        AddAlarm("AuroraCpu", cluster.MetricCPUUtilization(average), 80,
            "Aurora CPU above 80 % for 15 minutes: scaling is not keeping up or a query needs an index.");
        AddAlarm("AuroraConnections", cluster.MetricDatabaseConnections(maximum), 1500,
            "More than 1500 connections to Aurora: something bypasses the proxy or leaks connections.");
        AddAlarm("AuroraCapacity", cluster.MetricServerlessDatabaseCapacity(maximum), _environment.MaxCapacity - 2,
            $"Aurora has run within 2 ACUs of its {_environment.MaxCapacity}-ACU ceiling for 15 minutes.");
        AddAlarm("AuroraFreeableMemory", cluster.MetricFreeableMemory(minimum), 1024d * 1024 * 1024,
            "Under 1 GiB of memory free at maximum capacity.", ComparisonOperator.LESS_THAN_THRESHOLD);
        AddAlarm("AuroraReadLatency", cluster.Metric("ReadLatency", average), 0.02,
            "Aurora read latency above 20 ms for 15 minutes.");
        AddAlarm("AuroraWriteLatency", cluster.Metric("WriteLatency", average), 0.05,
            "Aurora write latency above 50 ms for 15 minutes.");
    }

    private void AddRedisAlarms(IReadOnlyList<string> nodeClusterIds)
    {
        AddAlarm("RedisCpu", MaxOverNodes("CPUUtilization", Stats.AVERAGE, nodeClusterIds), 90,
            "A Redis node's host CPU above 90 % for 15 minutes.");
        // Redis runs commands on one thread; on a 2-vCPU node host CPU hides a saturated engine thread.
        AddAlarm("RedisEngineCpu", MaxOverNodes("EngineCPUUtilization", Stats.AVERAGE, nodeClusterIds), 80,
            "A Redis node's engine thread above 80 % for 15 minutes.");
        AddAlarm("RedisMemory", MaxOverNodes("DatabaseMemoryUsagePercentage", Stats.MAXIMUM, nodeClusterIds), 80,
            "A Redis node uses more than 80 % of its memory.");
        // Leaderboards have no TTL: any eviction means memory pressure the cache was not sized for.
        AddAlarm("RedisEvictions", MaxOverNodes("Evictions", Stats.SUM, nodeClusterIds), 0,
            "Redis evicted keys.", evaluationPeriods: 1, missingData: TreatMissingData.NOT_BREACHING);
        AddAlarm("RedisConnections", MaxOverNodes("CurrConnections", Stats.MAXIMUM, nodeClusterIds), 5000,
            "More than 5000 client connections on a Redis node: multiplexers are not being reused.");
        // Only replicas publish ReplicationLag; primaries leave gaps that MAX() skips.
        AddAlarm("RedisReplicationLag", MaxOverNodes("ReplicationLag", Stats.MAXIMUM, nodeClusterIds), 1,
            "A Redis replica more than 1 s behind its primary for 15 minutes.");
    }

    private void AddProxyAlarms(string proxyName)
    {
        var failures = new Metric(new MetricProps
        {
            Namespace = "AWS/RDS",
            MetricName = "DatabaseConnectionsSetupFailed",
            DimensionsMap = new Dictionary<string, string> { ["ProxyName"] = proxyName },
            Statistic = Stats.SUM,
            Period = AlarmPeriod,
        });
        AddAlarm("ProxyConnectionSetupFailures", failures, 0,
            "RDS Proxy failed to open connections to Aurora (credentials, security groups or cluster down).",
            evaluationPeriods: 1, missingData: TreatMissingData.NOT_BREACHING);
    }

    /// <summary>The worst node at each point in time: one alarm covers every node, whichever is primary.</summary>
    private static MathExpression MaxOverNodes(string metricName, string statistic, IReadOnlyList<string> nodeClusterIds)
    {
        var metrics = new Dictionary<string, IMetric>();
        for (var i = 0; i < nodeClusterIds.Count; i++)
        {
            metrics[$"n{i}"] = new Metric(new MetricProps
            {
                Namespace = "AWS/ElastiCache",
                MetricName = metricName,
                DimensionsMap = new Dictionary<string, string> { ["CacheClusterId"] = nodeClusterIds[i] },
                Statistic = statistic,
                Period = AlarmPeriod,
            });
        }

        return new MathExpression(new MathExpressionProps
        {
            Expression = $"MAX([{string.Join(",", metrics.Keys)}])",
            UsingMetrics = metrics,
            Label = $"{metricName} (worst node)",
            Period = AlarmPeriod,
        });
    }

    private void AddAlarm(
        string id,
        IMetric metric,
        double threshold,
        string description,
        ComparisonOperator comparison = ComparisonOperator.GREATER_THAN_THRESHOLD,
        int evaluationPeriods = 3,
        TreatMissingData missingData = TreatMissingData.MISSING)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            AlarmName = $"{_environment.PhysicalName("data")}-{id}",
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = comparison,
            EvaluationPeriods = evaluationPeriods,
            DatapointsToAlarm = evaluationPeriods,
            TreatMissingData = missingData,
        });
        var notify = new SnsAction(AlarmTopic);
        alarm.AddAlarmAction(notify);
        alarm.AddOkAction(notify);
        _alarms.Add(alarm);
    }
}
