using Microsoft.Extensions.DependencyInjection;
using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;

namespace TriviaNft.AppHost.Tests;

/// <summary>The local stand-ins for Performance Insights (pg_stat_statements) and the slow-query log.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ObservabilityTests(AppHostFixture stack)
{
    // The query docs/local-emulation.md gives developers for "top SQL".
    private const string TopSql = """
        SELECT round(total_exec_time::numeric, 1) AS total_ms, calls, round(mean_exec_time::numeric, 1) AS mean_ms, query
        FROM pg_stat_statements
        ORDER BY total_exec_time DESC
        LIMIT 10
        """;

    [Fact]
    public async Task ASlowStatementIsLoggedWithItsDurationAndRanksInTopSql()
    {
        await using var admin = await stack.DataSourceAsync(ResourceNames.TriviaDbAdmin);
        var tag = $"slow_{Guid.NewGuid():N}";
        await using (var slow = admin.CreateCommand($"SELECT pg_sleep(0.3) AS {tag}"))
        {
            await slow.ExecuteNonQueryAsync().WaitAsync(TestStack.WaitTimeout);
        }

        var top = new List<string>();
        await using (var command = admin.CreateCommand(TopSql))
        await using (var reader = await command.ExecuteReaderAsync().WaitAsync(TestStack.WaitTimeout))
        {
            while (await reader.ReadAsync().WaitAsync(TestStack.WaitTimeout))
            {
                top.Add(reader.GetString(3));
            }
        }

        var logged = await LogLineAsync(ResourceNames.Postgres, tag);

        Assert.Contains(top, query => query.Contains(tag, StringComparison.Ordinal));
        Assert.Contains("duration:", logged, StringComparison.Ordinal);
    }

    // The resource's console log, as the dashboard shows it: the backlog first, then new lines as they come.
    private async Task<string> LogLineAsync(string resourceName, string text)
    {
        var resource = stack.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resourceName);
        using var timeout = new CancellationTokenSource(TestStack.WaitTimeout);
        await foreach (var batch in stack.App.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(resource).WithCancellation(timeout.Token))
        {
            // LogLine is a struct: select the content, so "no match" is null rather than an empty line.
            if (batch.Select(line => line.Content).FirstOrDefault(content => content.Contains(text, StringComparison.Ordinal)) is { } content)
            {
                return content;
            }
        }

        throw new InvalidOperationException($"The log of {resourceName} ended without '{text}'.");
    }
}
