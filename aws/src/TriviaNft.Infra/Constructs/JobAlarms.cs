using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace TriviaNft.Infra.Constructs;

/// <summary>Inputs of <see cref="JobAlarms"/>.</summary>
public sealed class JobAlarmsProps
{
    /// <summary>The environment being deployed (the <c>Environment</c> dimension of the job metrics).</summary>
    public required DataStackEnvironment Environment { get; init; }

    /// <summary>The scheduled jobs; each gets a failure alarm.</summary>
    public required IReadOnlyList<ScheduledJob> Jobs { get; init; }

    /// <summary>The jobs' dead-letter queue.</summary>
    public required IQueue DeadLetterQueue { get; init; }

    /// <summary>The topic every alarm notifies, on alarm and on recovery.</summary>
    public required ITopic AlarmTopic { get; init; }
}

/// <summary>
/// Alarms on the CloudWatch Embedded Metric Format lines the jobs print (namespace <see cref="Namespace"/>) and on
/// the jobs' dead-letter queue, notifying the stack's alarm topic like <see cref="Monitoring"/>'s alarms.
/// </summary>
public sealed class JobAlarms : Construct
{
    /// <summary>The metric namespace of the jobs' EMF lines.</summary>
    public const string Namespace = "TriviaNFT/Jobs";

    private readonly DataStackEnvironment _environment;
    private readonly ITopic _topic;
    private readonly List<Alarm> _alarms = [];

    /// <summary>Creates the alarms.</summary>
    public JobAlarms(Construct scope, string id, JobAlarmsProps props)
        : base(scope, id)
    {
        _environment = props.Environment;
        _topic = props.AlarmTopic;
        var logGroup = $"/aws/lambda/TriviaNFT-Migration-{_environment.Name}";
        var hour = Duration.Hours(1);
        var day = Duration.Days(1);

        foreach (var job in props.Jobs)
        {
            AddAlarm($"{job.Name}-Failures", JobMetric("JobFailures", job.Name, Stats.SUM, hour),
                $"The {job.Name} job failed at least once in the last hour: find the error in {logGroup} and rerun the job once the cause is fixed.");
        }

        AddAlarm("Jobs-DeadLetters",
            props.DeadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions
            {
                Statistic = Stats.MAXIMUM,
                Period = Duration.Minutes(5),
            }),
            $"A job run failed for good and sits in TriviaNFT-Jobs-DLQ-{_environment.Name}: read the message for the job and the error, rerun the job, then delete the message.");

        // The next three are reported by jobs that run daily or hourly: the period is the job's interval, so an
        // alarm stays raised until the next run reports a clean value instead of "recovering" when data stops.
        AddAlarm("LeaderboardDrift", EnvironmentMetric("LeaderboardDriftWallets", Stats.MAXIMUM, day),
            "The leaderboard-check job found wallets whose Redis leaderboard entries differ from the database: its log lines name them; rebuild the affected leaderboard from the database.");
        AddAlarm("StalePendingOperations", EnvironmentMetric("StalePendingOperations", Stats.MAXIMUM, hour),
            "The stale-pending job found operations still pending past their deadline: its log lines name them; find what holds them and complete or cancel them.");
        AddAlarm("SeasonGap", EnvironmentMetric("SeasonGap", Stats.MAXIMUM, hour),
            "The season-rollover job found no active season for the current time: check the seasons in the database and the job's log lines, then create or activate the next season.");
        AddAlarm("UnseasonedSessions", EnvironmentMetric("UnseasonedSessions", Stats.SUM, hour),
            "The season-rollover job counted sessions that have no season: restore the active season first (see SeasonGap), then look up the sessions in the job's log lines.");

        // A job that never starts reports nothing, so only a missing run count can say it did not run.
        AddAlarm("leaderboard-snapshot-Missed", JobMetric("JobRuns", "leaderboard-snapshot", Stats.SUM, day),
            $"The leaderboard-snapshot job has not run for a day: check that its schedule is enabled and look for the failed run in {logGroup} and the dead-letter queue.",
            ComparisonOperator.LESS_THAN_THRESHOLD, TreatMissingData.BREACHING);
    }

    /// <summary>Every alarm created.</summary>
    public IReadOnlyList<Alarm> Alarms => _alarms;

    private Metric JobMetric(string name, string job, string statistic, Duration period) =>
        new(new MetricProps
        {
            Namespace = Namespace,
            MetricName = name,
            DimensionsMap = new Dictionary<string, string> { ["Environment"] = _environment.Name, ["Job"] = job },
            Statistic = statistic,
            Period = period,
        });

    private Metric EnvironmentMetric(string name, string statistic, Duration period) =>
        new(new MetricProps
        {
            Namespace = Namespace,
            MetricName = name,
            DimensionsMap = new Dictionary<string, string> { ["Environment"] = _environment.Name },
            Statistic = statistic,
            Period = period,
        });

    /// <summary>An alarm on one period at or above 1 (or, for a missed run, below 1).</summary>
    private void AddAlarm(
        string id,
        IMetric metric,
        string description,
        ComparisonOperator comparison = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        TreatMissingData missingData = TreatMissingData.NOT_BREACHING)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            AlarmName = $"TriviaNFT-{_environment.Name}-{id}",
            AlarmDescription = description,
            Metric = metric,
            Threshold = 1,
            ComparisonOperator = comparison,
            EvaluationPeriods = 1,
            DatapointsToAlarm = 1,
            TreatMissingData = missingData,
        });
        var notify = new SnsAction(_topic);
        alarm.AddAlarmAction(notify);
        alarm.AddOkAction(notify);
        _alarms.Add(alarm);
    }
}
