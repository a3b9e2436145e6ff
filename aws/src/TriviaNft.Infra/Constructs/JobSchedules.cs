using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.Destinations;
using Amazon.CDK.AWS.Scheduler;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace TriviaNft.Infra.Constructs;

/// <summary>Inputs of <see cref="JobSchedules"/>.</summary>
public sealed class JobSchedulesProps
{
    /// <summary>The environment being deployed.</summary>
    public required DataStackEnvironment Environment { get; init; }

    /// <summary>The migration Lambda, which runs the jobs too.</summary>
    public required IFunction Function { get; init; }

    /// <summary>The topic the job alarms notify (the stack's alarm topic).</summary>
    public required ITopic AlarmTopic { get; init; }
}

/// <summary>
/// The data platform's scheduled jobs: one EventBridge Scheduler schedule per entry of <see cref="Jobs"/> in the
/// group <c>TriviaNFT-{env}</c>, each invoking the migration Lambda with <c>{"job":…,"at":…}</c>, a dead-letter
/// queue for runs that fail for good, and the alarms on what the jobs report (<see cref="JobAlarms"/>).
/// </summary>
public sealed class JobSchedules : Construct
{
    /// <summary>The time zone every schedule expression is evaluated in: the game's day is New York's.</summary>
    public const string TimeZone = "America/New_York";

    /// <summary>
    /// The Scheduler context attribute for the run's scheduled instant. Scheduler substitutes it when it sends the
    /// payload, and a retry carries the same value, so a retried run still acts as of its scheduled instant.
    /// </summary>
    public const string ScheduledTimePlaceholder = "<aws.scheduler.scheduled-time>";

    /// <summary>Delivery attempts Scheduler makes after the first one fails (throttling, permissions).</summary>
    public const int SchedulerRetryAttempts = 3;

    /// <summary>Retries Lambda makes of an asynchronous run that failed in the function (its maximum).</summary>
    public const int FunctionRetryAttempts = 2;

    /// <summary>
    /// How late a run may still start, for Scheduler's delivery retries and Lambda's own: an hour-old run of an
    /// hourly job is superseded by the next one.
    /// </summary>
    public static readonly Duration MaxEventAge = Duration.Hours(1);

    /// <summary>Every job, its cron expression (in <see cref="TimeZone"/>) and the same in words.</summary>
    public static IReadOnlyList<ScheduledJob> Jobs { get; } =
    [
        new("season-rollover", "cron(0 * * * ? *)", "hourly at :00"),
        new("leaderboard-snapshot", "cron(0 0 * * ? *)", "daily at 00:00"),
        new("eligibility-expiry", "cron(0/15 * * * ? *)", "every 15 minutes"),
        // 03:30 exists on every day: 02:00–03:00 is skipped when DST starts and 01:00–02:00 repeats when it ends.
        new("guest-purge", "cron(30 3 * * ? *)", "daily at 03:30"),
        new("leaderboard-check", "cron(30 4 * * ? *)", "daily at 04:30"),
        new("stale-pending", "cron(30 * * * ? *)", "hourly at :30"),
    ];

    /// <summary>Creates the group, the queue, the role, the schedules and the alarms.</summary>
    public JobSchedules(Construct scope, string id, JobSchedulesProps props)
        : base(scope, id)
    {
        var environment = props.Environment;
        var function = props.Function;

        Group = new CfnScheduleGroup(this, "Group", new CfnScheduleGroupProps { Name = $"TriviaNFT-{environment.Name}" });

        DeadLetterQueue = new Queue(this, "DeadLetterQueue", new QueueProps
        {
            QueueName = $"TriviaNFT-Jobs-DLQ-{environment.Name}",
            Encryption = QueueEncryption.SQS_MANAGED,
            // SQS's maximum: a failed run waits for someone to read it, even over a long weekend.
            RetentionPeriod = Duration.Days(14),
            EnforceSSL = true,
        });

        Role = SchedulerRole(environment, function);

        foreach (var job in Jobs)
        {
            var schedule = new CfnSchedule(this, $"Schedule-{job.Name}", new CfnScheduleProps
            {
                Name = $"TriviaNFT-{environment.Name}-{job.Name}",
                GroupName = Group.Ref,
                Description = $"{job.Name}: {job.When} ({TimeZone})",
                ScheduleExpression = job.Expression,
                ScheduleExpressionTimezone = TimeZone,
                FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
                State = "ENABLED",
                Target = new CfnSchedule.TargetProperty
                {
                    Arn = function.FunctionArn,
                    RoleArn = Role.RoleArn,
                    Input = Payload(job.Name),
                    RetryPolicy = new CfnSchedule.RetryPolicyProperty
                    {
                        MaximumRetryAttempts = SchedulerRetryAttempts,
                        MaximumEventAgeInSeconds = MaxEventAge.ToSeconds(),
                    },
                    DeadLetterConfig = new CfnSchedule.DeadLetterConfigProperty { Arn = DeadLetterQueue.QueueArn },
                },
            });
            // The role's policy, not only the role, must exist before the first run is due.
            schedule.Node.AddDependency(Role);
        }

        // Scheduler invokes Lambda asynchronously: it only sees delivery failures. A run that fails inside the
        // function is retried by Lambda and then lands in the same queue, so one alarm covers both.
        function.ConfigureAsyncInvoke(new EventInvokeConfigOptions
        {
            RetryAttempts = FunctionRetryAttempts,
            MaxEventAge = MaxEventAge,
            OnFailure = new SqsDestination(DeadLetterQueue),
        });

        Alarms = new JobAlarms(this, "Alarms", new JobAlarmsProps
        {
            Environment = environment,
            Jobs = Jobs,
            DeadLetterQueue = DeadLetterQueue,
            AlarmTopic = props.AlarmTopic,
        });
    }

    /// <summary>The schedule group <c>TriviaNFT-{env}</c>.</summary>
    public CfnScheduleGroup Group { get; }

    /// <summary><c>TriviaNFT-Jobs-DLQ-{env}</c>: runs Scheduler could not deliver or the function failed for good.</summary>
    public Queue DeadLetterQueue { get; }

    /// <summary>The role Scheduler assumes: invoke the function, send to the dead-letter queue, nothing else.</summary>
    public Role Role { get; }

    /// <summary>The alarms on the jobs' metrics and on the dead-letter queue.</summary>
    public JobAlarms Alarms { get; }

    /// <summary>
    /// The payload of a job's runs. Written by hand rather than serialized: System.Text.Json escapes '&lt;' and
    /// '&gt;', and Scheduler only substitutes the placeholder spelled literally.
    /// </summary>
    private static string Payload(string job) => $$"""{"job":"{{job}}","at":"{{ScheduledTimePlaceholder}}"}""";

    private Role SchedulerRole(DataStackEnvironment environment, IFunction function)
    {
        var role = new Role(this, "SchedulerRole", new RoleProps
        {
            Description = $"EventBridge Scheduler: runs the TriviaNFT-{environment.Name} jobs",
            // Only this account's Scheduler, acting for this group, may assume the role (confused deputy).
            AssumedBy = new ServicePrincipal("scheduler.amazonaws.com", new ServicePrincipalOpts
            {
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object>
                    {
                        ["aws:SourceAccount"] = Stack.Of(this).Account,
                        ["aws:SourceArn"] = Group.AttrArn,
                    },
                },
            }),
        });
        // Explicit statements rather than GrantInvoke/GrantSendMessages, which also allow every version and
        // alias of the function and the queue's attribute reads.
        _ = role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["lambda:InvokeFunction"],
            Resources = [function.FunctionArn],
        }));
        _ = role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["sqs:SendMessage"],
            Resources = [DeadLetterQueue.QueueArn],
        }));
        return role;
    }
}
