using System.Text;
using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;
using TriviaNft.Tests.Secrets;
using Xunit.Abstractions;

namespace TriviaNft.AppHost.Tests;

/// <summary>
/// A full start of the stack, migrator included, writes its passwords nowhere: not in any resource's console
/// log, not in the AppHost's own log (Debug and up), not in the logs, spans and metrics the projects export.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class SecretsTests(AppHostFixture stack, ITestOutputHelper output)
{
    private const string PostgresReady = "database system is ready to accept connections";

    [Fact]
    public async Task NoPasswordOrSecretAppearsInAnyLogLineSpanOrMetricOfARun()
    {
        var capture = stack.Capture;
        // The migrator's exporters flush as it exits, and console logs stream in behind the processes: wait until
        // every known line (the positive controls below) is in, then scan everything captured.
        await Poll.UntilAsync(() => Task.FromResult(capture), HoldsTheKnownLines, TestStack.WaitTimeout);
        var exports = capture.Telemetry.Exports;
        var resourceLines = capture.ResourceLogs.Lines;
        var appHostLines = capture.AppHostLogs.Lines;
        var secrets = new[] { stack.Secrets.PostgresPassword, stack.Secrets.RedisPassword };

        SecretScan.AssertNone(string.Join('\n', resourceLines.Select(l => $"{l.Resource}: {l.Line}")), secrets);
        SecretScan.AssertNone(string.Join('\n', appHostLines), secrets);
        foreach (var export in exports)
        {
            // Latin-1 maps every byte to one char: protobuf's UTF-8 strings stay searchable, nothing fails to decode.
            SecretScan.AssertNone(Encoding.Latin1.GetString(export.Body), secrets);
            Assert.All(secrets, secret => Assert.False(Contains(export.Body, secret), $"{export.Path} holds a password"));
        }

        // Positive controls: the capture holds each source's known lines, and the scan finds a planted secret.
        Assert.True(HoldsTheKnownLines(capture));
        Assert.Contains(exports, e => e.Path == "/v1/metrics");
        Assert.NotEmpty(SecretScan.Find($"{resourceLines[0].Line} {stack.Secrets.RedisPassword}", secrets));
        Assert.Empty(capture.Telemetry.ForwardFailures);
        Report(resourceLines, appHostLines, exports);
        output.WriteLine($"dashboard OTLP/HTTP (forwarded to): {capture.Telemetry.DashboardEndpoint}");
    }

    // Known non-secret lines of each source: the writer's console, the migrator's console, the AppHost's banner,
    // the migrator's exported trace (a span per migration) and logs.
    private static bool HoldsTheKnownLines(StackCapture capture) =>
        capture.ResourceLogs.Lines.Any(l => l.Resource == ResourceNames.Postgres && l.Line.Contains(PostgresReady, StringComparison.Ordinal))
        && capture.ResourceLogs.Lines.Any(l => l.Resource == ResourceNames.Migrator)
        && capture.AppHostLogs.Lines.Any(l => l.Contains("TriviaNft DataStack is ready", StringComparison.Ordinal))
        && capture.Telemetry.Exports.Any(e => e.Path == "/v1/traces" && Contains(e.Body, "migration 1_initial-schema"))
        && capture.Telemetry.Exports.Any(e => e.Path == "/v1/logs" && Contains(e.Body, "Application started"));

    private void Report(IReadOnlyList<(string Resource, string Line)> resourceLines, IReadOnlyList<string> appHostLines, IReadOnlyList<OtlpExport> exports)
    {
        output.WriteLine($"resource log lines: {resourceLines.Count} ({string.Join(", ", resourceLines.GroupBy(l => l.Resource).Select(g => $"{g.Key} {g.Count()}"))})");
        output.WriteLine($"AppHost log lines: {appHostLines.Count}");
        foreach (var signal in exports.GroupBy(e => e.Path))
        {
            output.WriteLine($"OTLP {signal.Key}: {signal.Count()} exports, {signal.Sum(e => OtlpCounter.Records(e.Body))} records, {signal.Sum(e => e.Body.Length)} bytes");
        }
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
