using System.Text.Json;
using Amazon.CDK.Assertions;
using TriviaNft.Infra.Constructs;
using static TriviaNft.Infra.Tests.TemplateQueries;

namespace TriviaNft.Infra.Tests;

[Collection(DataStackTemplatesCollection.Name)]
public sealed class JobSchedulesTests(DataStackTemplates templates)
{
    private const string Placeholder = "<aws.scheduler.scheduled-time>";

    // Spelled out rather than read from JobSchedules.Jobs, so that a changed schedule fails here.
    private static readonly (string Job, string Expression)[] ExpectedJobs =
    [
        ("season-rollover", "cron(0 * * * ? *)"),
        ("leaderboard-snapshot", "cron(0 0 * * ? *)"),
        ("eligibility-expiry", "cron(0/15 * * * ? *)"),
        ("guest-purge", "cron(30 3 * * ? *)"),
        ("leaderboard-check", "cron(30 4 * * ? *)"),
        ("stale-pending", "cron(30 * * * ? *)"),
    ];

    public static TheoryData<string, string, string> Schedules
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var environment in new[] { "staging", "production" })
            {
                foreach (var (job, expression) in ExpectedJobs)
                {
                    data.Add(environment, job, expression);
                }
            }
            return data;
        }
    }

    public static TheoryData<string, string> JobsByEnvironment
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var environment in new[] { "staging", "production" })
            {
                foreach (var (job, _) in ExpectedJobs)
                {
                    data.Add(environment, job);
                }
            }
            return data;
        }
    }

    /// <summary>Alarm name suffix, metric, statistic, period (s), comparison, missing data, Job dimension (or empty).</summary>
    public static TheoryData<string, string, string, string, double, string, string, string> MetricAlarms
    {
        get
        {
            var data = new TheoryData<string, string, string, string, double, string, string, string>();
            foreach (var environment in new[] { "staging", "production" })
            {
                data.Add(environment, "LeaderboardDrift", "LeaderboardDriftWallets", "Maximum", 86400, "GreaterThanOrEqualToThreshold", "notBreaching", "");
                data.Add(environment, "StalePendingOperations", "StalePendingOperations", "Maximum", 3600, "GreaterThanOrEqualToThreshold", "notBreaching", "");
                data.Add(environment, "SeasonGap", "SeasonGap", "Maximum", 3600, "GreaterThanOrEqualToThreshold", "notBreaching", "");
                data.Add(environment, "UnseasonedSessions", "UnseasonedSessions", "Sum", 3600, "GreaterThanOrEqualToThreshold", "notBreaching", "");
                data.Add(environment, "leaderboard-snapshot-Missed", "JobRuns", "Sum", 86400, "LessThanThreshold", "breaching", "leaderboard-snapshot");
            }
            return data;
        }
    }

    [Fact]
    public void TheJobTableIsTheDocumentedOne() =>
        Assert.Equal(ExpectedJobs, JobSchedules.Jobs.Select(j => (j.Name, j.Expression)));

    [Theory]
    [MemberData(nameof(Schedules))]
    public void EachJobHasOneScheduleInNewYorkTimeThatInvokesTheFunction(string environment, string job, string expression)
    {
        var template = templates.WithMigrationBundleFor(environment);
        var name = $"TriviaNFT-{environment}-{job}";

        template.ResourcePropertiesCountIs("AWS::Scheduler::Schedule", new Dictionary<string, object> { ["Name"] = name }, 1);
        template.HasResourceProperties("AWS::Scheduler::Schedule", new Dictionary<string, object>
        {
            ["Name"] = name,
            ["GroupName"] = Ref(Group(template, environment)),
            ["ScheduleExpression"] = expression,
            ["ScheduleExpressionTimezone"] = "America/New_York",
            ["FlexibleTimeWindow"] = Match.Exact(new Dictionary<string, object> { ["Mode"] = "OFF" }),
            ["State"] = "ENABLED",
            ["Target"] = new Dictionary<string, object>
            {
                ["Arn"] = GetAtt(Function(template, environment), "Arn"),
                ["RoleArn"] = GetAtt(SchedulerRole(template), "Arn"),
                ["RetryPolicy"] = Match.Exact(new Dictionary<string, object>
                {
                    ["MaximumRetryAttempts"] = 3,
                    ["MaximumEventAgeInSeconds"] = 3600,
                }),
                ["DeadLetterConfig"] = Match.Exact(new Dictionary<string, object>
                {
                    ["Arn"] = GetAtt(Queue(template, environment), "Arn"),
                }),
            },
        });
    }

    [Theory]
    [MemberData(nameof(JobsByEnvironment))]
    public void EachRunNamesItsJobAndItsScheduledTime(string environment, string job)
    {
        var template = templates.WithMigrationBundleFor(environment);
        var schedule = template.PropertiesOf("AWS::Scheduler::Schedule", template.LogicalIdOf("AWS::Scheduler::Schedule",
            new Dictionary<string, object> { ["Name"] = $"TriviaNFT-{environment}-{job}" }));
        var input = (string)((IDictionary<string, object>)schedule["Target"])["Input"];

        // Scheduler substitutes the placeholder only as written, not JSON-escaped (\u003C…\u003E).
        Assert.Contains($"\"{Placeholder}\"", input, StringComparison.Ordinal);
        using var payload = JsonDocument.Parse(input);
        Assert.Equal(["at", "job"], payload.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(job, payload.RootElement.GetProperty("job").GetString());
        Assert.Equal(Placeholder, payload.RootElement.GetProperty("at").GetString());
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void TheSchedulesAreTheJobsOfOneGroupNamedAfterTheEnvironment(string environment)
    {
        var template = templates.WithMigrationBundleFor(environment);

        template.ResourceCountIs("AWS::Scheduler::ScheduleGroup", 1);
        template.ResourceCountIs("AWS::Scheduler::Schedule", ExpectedJobs.Length);
        template.AllResourcesProperties("AWS::Scheduler::Schedule", new Dictionary<string, object>
        {
            ["GroupName"] = Ref(Group(template, environment)),
        });
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void TheDeadLetterQueueIsEncryptedAndKeepsMessagesFourteenDays(string environment)
    {
        var template = templates.WithMigrationBundleFor(environment);

        template.ResourceCountIs("AWS::SQS::Queue", 1);
        template.HasResourceProperties("AWS::SQS::Queue", new Dictionary<string, object>
        {
            ["QueueName"] = $"TriviaNFT-Jobs-DLQ-{environment}",
            ["SqsManagedSseEnabled"] = true,
            ["MessageRetentionPeriod"] = 14 * 24 * 3600,
            ["FifoQueue"] = Match.Absent(),
        });
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void SchedulerMayOnlyInvokeTheFunctionAndSendToTheDeadLetterQueue(string environment)
    {
        var template = templates.WithMigrationBundleFor(environment);
        var role = SchedulerRole(template);

        // Only this account's Scheduler, acting for the jobs' group, may assume the role.
        template.HasResourceProperties("AWS::IAM::Role", new Dictionary<string, object>
        {
            ["AssumeRolePolicyDocument"] = new Dictionary<string, object>
            {
                ["Statement"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["Principal"] = new Dictionary<string, object> { ["Service"] = "scheduler.amazonaws.com" },
                        ["Condition"] = Match.Exact(new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object>
                            {
                                ["aws:SourceAccount"] = Ref("AWS::AccountId"),
                                ["aws:SourceArn"] = GetAtt(Group(template, environment), "Arn"),
                            },
                        }),
                    },
                },
            },
            ["ManagedPolicyArns"] = Match.Absent(),
            ["Policies"] = Match.Absent(),
        });

        var statements = Statements(template, role);
        Assert.All(statements, s => Assert.False(s.ContainsKey("Condition")));
        Assert.Equal(
            [
                Allows("lambda:InvokeFunction", GetAtt(Function(template, environment), "Arn")),
                Allows("sqs:SendMessage", GetAtt(Queue(template, environment), "Arn")),
            ],
            AllowedPairs(statements));
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void RunsThatFailInTheFunctionAreRetriedThenDeadLettered(string environment)
    {
        var template = templates.WithMigrationBundleFor(environment);

        template.ResourceCountIs("AWS::Lambda::EventInvokeConfig", 1);
        template.HasResourceProperties("AWS::Lambda::EventInvokeConfig", new Dictionary<string, object>
        {
            ["FunctionName"] = Ref(Function(template, environment)),
            ["Qualifier"] = "$LATEST",
            ["MaximumRetryAttempts"] = 2,
            ["MaximumEventAgeInSeconds"] = 3600,
            ["DestinationConfig"] = Match.Exact(new Dictionary<string, object>
            {
                ["OnFailure"] = new Dictionary<string, object> { ["Destination"] = GetAtt(Queue(template, environment), "Arn") },
            }),
        });
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void TheFunctionKnowsItsEnvironmentItsTimeZonesAndRedis(string environment)
    {
        var template = templates.WithMigrationBundleFor(environment);
        var redis = Assert.Single(template.FindResources("AWS::ElastiCache::ReplicationGroup", null)).Key;

        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["FunctionName"] = $"TriviaNFT-Migration-{environment}",
            ["Description"] = Match.StringLikeRegexp("migrations.*scheduled data jobs"),
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object>
                {
                    ["TRIVIANFT_ENVIRONMENT"] = environment,
                    ["TZDIR"] = "/var/task/zoneinfo",
                    ["REDIS_SECRET_ARN"] = Ref(RedisSecret(template, environment)),
                    ["REDIS_ENDPOINT"] = new Dictionary<string, object>
                    {
                        ["Fn::Join"] = new object[]
                        {
                            "",
                            new object[] { GetAtt(redis, "ConfigurationEndPoint.Address"), ":", GetAtt(redis, "ConfigurationEndPoint.Port") },
                        },
                    },
                },
            },
        });
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void TheFunctionMayReadTheRedisSecret(string environment)
    {
        var template = templates.WithMigrationBundleFor(environment);
        var role = GetAttTarget(template.PropertiesOf("AWS::Lambda::Function", Function(template, environment))["Role"]);

        var secret = Ref(RedisSecret(template, environment));

        var onSecret = AllowedPairs(Statements(template, role)).Where(p => p.Resource == Allows("", secret).Resource);
        Assert.Equal([Allows("secretsmanager:DescribeSecret", secret), Allows("secretsmanager:GetSecretValue", secret)], onSecret);
    }

    [Theory]
    [MemberData(nameof(JobsByEnvironment))]
    public void EachJobAlarmsWhenItFails(string environment, string job)
    {
        var template = templates.WithMigrationBundleFor(environment);
        var alarm = Alarm(template, $"TriviaNFT-{environment}-{job}-Failures");

        AssertMetric(alarm, "TriviaNFT/Jobs", "JobFailures", "Sum", 3600, new() { ["Environment"] = environment, ["Job"] = job });
        AssertCondition(alarm, "GreaterThanOrEqualToThreshold", "notBreaching");
        AssertNotifiesTheTopic(template, alarm);
    }

    [Theory]
    [MemberData(nameof(MetricAlarms))]
    public void WhatTheJobsReportRaisesAlarms(
        string environment, string suffix, string metric, string statistic, double period, string comparison, string missingData, string job)
    {
        var template = templates.WithMigrationBundleFor(environment);
        var alarm = Alarm(template, $"TriviaNFT-{environment}-{suffix}");
        var dimensions = new Dictionary<string, object> { ["Environment"] = environment };
        if (job.Length > 0)
        {
            dimensions["Job"] = job;
        }

        AssertMetric(alarm, "TriviaNFT/Jobs", metric, statistic, period, dimensions);
        AssertCondition(alarm, comparison, missingData);
        AssertNotifiesTheTopic(template, alarm);
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void AMessageInTheDeadLetterQueueRaisesAnAlarm(string environment)
    {
        var template = templates.WithMigrationBundleFor(environment);
        var alarm = Alarm(template, $"TriviaNFT-{environment}-Jobs-DeadLetters");

        AssertMetric(alarm, "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", 300,
            new() { ["QueueName"] = GetAtt(Queue(template, environment), "QueueName") });
        AssertCondition(alarm, "GreaterThanOrEqualToThreshold", "notBreaching");
        AssertNotifiesTheTopic(template, alarm);
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void EveryJobAlarmIsNamedForTheEnvironmentAndSaysWhatToDo(string environment)
    {
        var template = templates.WithMigrationBundleFor(environment);
        var alarms = template.PropertiesOf("AWS::CloudWatch::Alarm").Values
            .Where(a => a.TryGetValue("AlarmName", out var name) && ((string)name).StartsWith($"TriviaNFT-{environment}-", StringComparison.Ordinal))
            .ToList();

        // 6 job failures, the dead-letter queue, drift, stale pending, season gap, unseasoned sessions, missed snapshot.
        Assert.Equal(12, alarms.Count);
        Assert.All(alarms, alarm =>
        {
            var description = (string)alarm["AlarmDescription"];
            Assert.EndsWith(".", description, StringComparison.Ordinal);
            Assert.Contains(": ", description, StringComparison.Ordinal);
            AssertNotifiesTheTopic(template, alarm);
        });
        // The data layer's 13 alarms are still there, beside these.
        template.ResourceCountIs("AWS::CloudWatch::Alarm", 13 + 12);
    }

    [Theory]
    [MemberData(nameof(Environments), MemberType = typeof(TemplateQueries))]
    public void WithoutABundleThereAreNoScheduledJobs(string environment)
    {
        var template = templates.For(environment);

        Assert.Null(templates.StackFor(environment).Jobs);
        Assert.NotNull(templates.StackWithMigrationBundleFor(environment).Jobs);
        template.ResourceCountIs("AWS::Scheduler::ScheduleGroup", 0);
        template.ResourceCountIs("AWS::Scheduler::Schedule", 0);
        template.ResourceCountIs("AWS::SQS::Queue", 0);
        template.ResourceCountIs("AWS::Lambda::EventInvokeConfig", 0);
        template.ResourcePropertiesCountIs("AWS::CloudWatch::Alarm", new Dictionary<string, object> { ["Namespace"] = "TriviaNFT/Jobs" }, 0);
    }

    private static string Function(Template template, string environment) =>
        template.LogicalIdOf("AWS::Lambda::Function", new Dictionary<string, object> { ["FunctionName"] = $"TriviaNFT-Migration-{environment}" });

    private static string Group(Template template, string environment) =>
        template.LogicalIdOf("AWS::Scheduler::ScheduleGroup", new Dictionary<string, object> { ["Name"] = $"TriviaNFT-{environment}" });

    private static string Queue(Template template, string environment) =>
        template.LogicalIdOf("AWS::SQS::Queue", new Dictionary<string, object> { ["QueueName"] = $"TriviaNFT-Jobs-DLQ-{environment}" });

    private static string RedisSecret(Template template, string environment) =>
        template.LogicalIdOf("AWS::SecretsManager::Secret", new Dictionary<string, object> { ["Name"] = $"{environment}/trivia-nft/redis" });

    private static string SchedulerRole(Template template) =>
        template.LogicalIdOf("AWS::IAM::Role", new Dictionary<string, object>
        {
            ["AssumeRolePolicyDocument"] = new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Principal"] = new Dictionary<string, object> { ["Service"] = "scheduler.amazonaws.com" },
                })]),
            },
        });

    private static IDictionary<string, object> Alarm(Template template, string name) =>
        template.PropertiesOf("AWS::CloudWatch::Alarm",
            template.LogicalIdOf("AWS::CloudWatch::Alarm", new Dictionary<string, object> { ["AlarmName"] = name }));

    /// <summary>The statements of every policy attached to a role, in template order.</summary>
    private static List<IDictionary<string, object>> Statements(Template template, string role) =>
    [
        .. template.PropertiesOf("AWS::IAM::Policy").Values
            .Where(p => RefTargets(p["Roles"]).Contains(role))
            .SelectMany(p => (object[])((IDictionary<string, object>)p["PolicyDocument"])["Statement"])
            .Cast<IDictionary<string, object>>(),
    ];

    private static void AssertMetric(
        IDictionary<string, object> alarm, string ns, string metric, string statistic, double period, Dictionary<string, object> dimensions)
    {
        Assert.Equal(ns, alarm["Namespace"]);
        Assert.Equal(metric, alarm["MetricName"]);
        Assert.Equal(statistic, alarm["Statistic"]);
        Assert.Equal(period, Convert.ToDouble(alarm["Period"], System.Globalization.CultureInfo.InvariantCulture));
        var actual = ((object[])alarm["Dimensions"]).Cast<IDictionary<string, object>>()
            .ToDictionary(d => (string)d["Name"], d => JsonSerializer.Serialize(d["Value"]));
        Assert.Equal(dimensions.ToDictionary(d => d.Key, d => JsonSerializer.Serialize(d.Value)), actual);
    }

    private static void AssertCondition(IDictionary<string, object> alarm, string comparison, string missingData)
    {
        Assert.Equal(1.0, Convert.ToDouble(alarm["Threshold"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(comparison, alarm["ComparisonOperator"]);
        Assert.Equal(1.0, Convert.ToDouble(alarm["EvaluationPeriods"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(missingData, alarm["TreatMissingData"]);
    }

    private static void AssertNotifiesTheTopic(Template template, IDictionary<string, object> alarm)
    {
        var topic = Assert.Single(template.FindResources("AWS::SNS::Topic", null)).Key;
        Assert.Equal([topic], RefTargets(alarm["AlarmActions"]));
        Assert.Equal([topic], RefTargets(alarm["OKActions"]));
    }
}
