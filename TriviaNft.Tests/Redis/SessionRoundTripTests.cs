using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Redis;

/// <summary>Start, serve, answer and complete each cost exactly one Redis command: one script, one round trip.</summary>
[Collection(ServersCollection.Name)]
public sealed class SessionRoundTripTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero));
    private IConnectionMultiplexer _multiplexer = null!;
    private RedisActiveSessionStore _store = null!;

    public async Task InitializeAsync()
    {
        _multiplexer = await RedisConnections.ForAsync(servers);
        _store = new RedisActiveSessionStore(_multiplexer, clock: _clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EverySessionOperationIsOneCommandOnTheWire()
    {
        // Twice: the first run of a script on a node is EVAL, later runs are EVALSHA; both must be one command.
        for (var run = 0; run < 2; run++)
        {
            ActiveSession session = null!;
            await AssertOneScriptAsync(async () => session = ((SessionStartResult.Started)await _store.StartAsync(TestPlayers.Start())).Session);
            await AssertOneScriptAsync(() => _store.ServeQuestionAsync(session.Handle, 0));
            await AssertOneScriptAsync(() => _store.AnswerAsync(session.Handle, 0, 1));
            await AssertOneScriptAsync(() => _store.CompleteAsync(session.Handle));
        }
    }

    private async Task AssertOneScriptAsync(Func<Task> operation)
    {
        var before = await RedisConnections.ScriptCallsAsync(_multiplexer);
        var commands = await RedisConnections.ProfileAsync(operation);
        var after = await RedisConnections.ScriptCallsAsync(_multiplexer);

        var command = Assert.Single(commands);
        Assert.Contains(command.Command, new[] { "EVAL", "EVALSHA" });
        Assert.Equal(1, after - before);
    }
}
