using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TriviaNft.AppHost.Tests.Infrastructure;
using TriviaNft.Data;
using Xunit.Abstractions;

namespace TriviaNft.AppHost.Tests;

/// <summary>
/// Stopping the AppHost stops every process it started; the next start reuses the PostgreSQL state
/// (no new cluster, no new clone of the replica), even when the password parameters have changed meanwhile.
/// </summary>
public sealed class RestartingTheStackTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), $"trivianft-restart-{Guid.NewGuid():N}");

    [Fact]
    public async Task StoppingStopsEveryServerAndTheNextStartReusesTheStateWithNewPasswords()
    {
        var cold = Stopwatch.StartNew();
        var first = await TestStack.StartAsync(_stateDirectory, TestSecrets.Create(), enableDashboard: false);
        cold.Stop();
        var anonId = $"restart-{Guid.NewGuid():N}";
        var ports = ServerPorts(first);
        await using (var db = NpgsqlDataSource.Create(await ConnectionStringAsync(first, ResourceNames.TriviaDb)))
        await using (var insert = db.CreateCommand("INSERT INTO players (anon_id) VALUES ($1)"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = anonId });
            await insert.ExecuteNonQueryAsync().WaitAsync(TestStack.WaitTimeout);
        }

        var replicaVersionFile = new FileInfo(Path.Combine(_stateDirectory, ResourceNames.PostgresReader, "PG_VERSION"));
        var clonedAt = replicaVersionFile.LastWriteTimeUtc;
        await first.DisposeAsync().AsTask().WaitAsync(TestStack.StopTimeout);

        Assert.Equal(9, ports.Count); // writer, replica, proxy, 6 Redis nodes
        Assert.All(ports, port => Assert.False(Listens(port), $"port {port} still listens after the AppHost stopped"));
        Assert.False(File.Exists(Path.Combine(_stateDirectory, ResourceNames.Postgres, "postmaster.pid")), "the writer did not shut down cleanly");

        var warm = Stopwatch.StartNew();
        var second = await TestStack.StartAsync(_stateDirectory, TestSecrets.Create(), enableDashboard: false);
        warm.Stop();
        await using (second)
        {
            output.WriteLine($"start to migrator finished: cold {cold.Elapsed.TotalSeconds:0.0} s, warm {warm.Elapsed.TotalSeconds:0.0} s");
            await using var replica = NpgsqlDataSource.Create(await ConnectionStringAsync(second, ResourceNames.TriviaDbReader));
            var seen = await Poll.UntilAsync(async () =>
            {
                await using var select = replica.CreateCommand("SELECT count(*) FROM players WHERE anon_id = $1");
                select.Parameters.Add(new NpgsqlParameter { Value = anonId });
                return (long)(await select.ExecuteScalarAsync())!;
            }, count => count == 1, TestStack.WaitTimeout);

            Assert.Equal(1, seen);
            Assert.Equal(clonedAt, new FileInfo(replicaVersionFile.FullName).LastWriteTimeUtc);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }

    private static async Task<string> ConnectionStringAsync(DistributedApplication app, string name) =>
        await app.GetConnectionStringAsync(name).AsTask().WaitAsync(TestStack.WaitTimeout)
        ?? throw new InvalidOperationException($"{name} has no connection string.");

    // Every native server's port: the executables with the "tcp" endpoint (the migrator has none).
    private static List<int> ServerPorts(DistributedApplication app) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ExecutableResource>()
            .Where(r => r.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "tcp"))
            .Select(r => app.GetEndpoint(r.Name, "tcp").Port)
            .ToList();

    private static bool Listens(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
