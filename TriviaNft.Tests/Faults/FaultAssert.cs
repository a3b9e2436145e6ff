using Npgsql;
using Xunit.Abstractions;

namespace TriviaNft.Tests.Faults;

/// <summary>The guarantees every fault scenario checks, after writing its figures.</summary>
internal static class FaultAssert
{
    /// <summary>
    /// Every acknowledged completion is recorded; nothing is recorded that no player completed; season points agree
    /// with the sessions (none counted twice or half); no player had two sessions at once; every error was typed;
    /// the fault was felt, and players completed sessions after it was repaired.
    /// </summary>
    public static async Task NothingAcknowledgedLostAsync(FaultScenario scenario, ITestOutputHelper output)
    {
        // The checks' own direct connections may have died with a killed server: start them afresh.
        await using (var direct = new NpgsqlConnection(scenario.Db.DirectConnectionString))
        {
            NpgsqlConnection.ClearPool(direct);
        }

        var figures = scenario.Figures;
        var acknowledged = figures.Acknowledged.ToHashSet();
        var recorded = await FaultChecks.RecordedAsync(scenario.Db, acknowledged);
        var unacknowledgedRecorded = await FaultChecks.RecordedAsync(scenario.Db, figures.Unacknowledged);
        var phantoms = await FaultChecks.PhantomsAsync(scenario.Db, acknowledged.Concat(figures.Unacknowledged));
        var miscounted = await FaultChecks.MiscountedWalletsAsync(scenario.Db);
        var overlapping = await FaultChecks.OverlappingSessionsAsync(scenario.Db);
        figures.Measure("acknowledgedRecorded", recorded);
        figures.Measure("acknowledgedLost", acknowledged.Count - recorded);
        figures.Measure("unacknowledgedButRecorded", unacknowledgedRecorded);
        figures.Measure("phantomSessions", phantoms);
        figures.Measure("walletsMiscounted", miscounted);
        figures.Measure("overlappingSessions", overlapping);
        scenario.Report(output);

        Assert.NotEmpty(acknowledged);
        Assert.Equal(acknowledged.Count, recorded);
        Assert.Equal(0, phantoms);
        Assert.Equal(0, miscounted);
        Assert.Equal(0, overlapping);
        Assert.Equal(0, figures.UntypedErrors);
        Assert.DoesNotContain(figures.Events.Keys, e => e.StartsWith("player stopped", StringComparison.Ordinal));
        Assert.True(figures.Errors.Count > 0 || figures.Events.ContainsKey(FaultLoad.SessionLost), "the fault was not felt by any caller: the scenario tested nothing");
        Assert.True(figures.AcknowledgedAfterRepair > 0, "no session completed after the repair: callers did not resume");
        Assert.True(figures.LongestCall < FaultSizes.CallBound, $"a call took {figures.LongestCall}: a hang, not an error");
    }
}
