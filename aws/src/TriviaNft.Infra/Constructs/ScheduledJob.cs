namespace TriviaNft.Infra.Constructs;

/// <summary>One scheduled job of the data platform, run by the migration Lambda.</summary>
/// <param name="Name">The job name: the <c>job</c> of the payload, the <c>Job</c> metric dimension and the schedule name's suffix.</param>
/// <param name="Expression">The EventBridge Scheduler cron expression, evaluated in <see cref="JobSchedules.TimeZone"/>.</param>
/// <param name="When">The schedule in words, for the schedule's description and the docs.</param>
public sealed record ScheduledJob(string Name, string Expression, string When);
