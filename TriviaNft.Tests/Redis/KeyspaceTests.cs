using StackExchange.Redis;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Data.Redis.Privacy;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Redis;

/// <summary>Every multi-key operation is single-slot by construction: the key builders put one hash tag on all its keys.</summary>
[Collection(ServersCollection.Name)]
public sealed class KeyspaceTests(ServersFixture servers) : IAsyncLifetime
{
    private IConnectionMultiplexer _multiplexer = null!;

    public async Task InitializeAsync() => _multiplexer = await RedisConnections.ForAsync(servers);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void EveryKeyOfAPlayerIsInOneSlot()
    {
        var playerId = Guid.NewGuid();
        var keys = RedisPlayerCacheEraser.KeyNames(playerId, [Guid.NewGuid(), Guid.NewGuid()], new DateOnly(2026, 12, 15));

        Assert.Equal(3 + 3 + 2 * 3, keys.Count);
        Assert.Single(keys.Select(k => _multiplexer.HashSlot(k)).Distinct());
        Assert.All(keys, k => Assert.StartsWith($"{{p:{playerId:D}}}:", k.ToString()));
    }

    [Fact]
    public void KeyNamesAreTheDocumentedOnes()
    {
        var playerId = Guid.Parse("0b9f6f4e-2f57-4a55-8b0e-0d2b8f1f3c11");
        var categoryId = Guid.Parse("5d0e7c1a-9a34-4b5e-a3c2-8f4d2e6b7a90");
        var keys = new PlayerKeys(playerId);
        var day = new DateOnly(2026, 12, 15);

        Assert.Equal("{p:0b9f6f4e-2f57-4a55-8b0e-0d2b8f1f3c11}:session", keys.Session.ToString());
        Assert.Equal("{p:0b9f6f4e-2f57-4a55-8b0e-0d2b8f1f3c11}:lock", keys.Lock.ToString());
        Assert.Equal("{p:0b9f6f4e-2f57-4a55-8b0e-0d2b8f1f3c11}:cooldown", keys.Cooldown.ToString());
        Assert.Equal("{p:0b9f6f4e-2f57-4a55-8b0e-0d2b8f1f3c11}:daily:2026-12-15", keys.Daily(day).ToString());
        Assert.Equal("{p:0b9f6f4e-2f57-4a55-8b0e-0d2b8f1f3c11}:seen:5d0e7c1a-9a34-4b5e-a3c2-8f4d2e6b7a90:2026-12-15", keys.Seen(categoryId, day).ToString());
        Assert.Equal("{lb:winter-s1:global}", LeaderboardId.Global("winter-s1").Keys.Board.ToString());
        Assert.Equal("{lb:winter-s1:global}:members", LeaderboardId.Global("winter-s1").Keys.Members.ToString());
        Assert.Equal("{lb:winter-s1:cat:5d0e7c1a-9a34-4b5e-a3c2-8f4d2e6b7a90}", LeaderboardId.Category("winter-s1", categoryId).Keys.Board.ToString());
    }

    [Fact]
    public void EveryKeyOfALeaderboardIsInOneSlot()
    {
        foreach (var board in new[] { LeaderboardId.Global(TestPlayers.SeasonId()), LeaderboardId.Category(TestPlayers.SeasonId(), Guid.NewGuid()) })
        {
            var keys = board.Keys;
            RedisKey[] all = [keys.Board, keys.Members, keys.RebuildBoard("run"), keys.RebuildMembers("run")];

            Assert.Single(all.Select(k => _multiplexer.HashSlot(k)).Distinct());
        }
    }

    [Fact]
    public async Task ACrossSlotScriptIsRefusedByTheClientAndByTheCluster()
    {
        // What the key builders rule out: two players' keys in one script. The client refuses it, and a node sent it
        // as plain strings (no client-side slot check) refuses it as ElastiCache would.
        var (a, b) = FindPlayersInDifferentSlots();
        const string script = "return redis.call('MGET', KEYS[1], KEYS[2])";
        RedisKey[] keys = [new PlayerKeys(a).Lock, new PlayerKeys(b).Lock];

        var client = await Assert.ThrowsAsync<RedisCommandException>(() => _multiplexer.GetDatabase().ScriptEvaluateAsync(script, keys));
        var node = _multiplexer.GetServer(keys[0], null, CommandFlags.DemandMaster);
        var cluster = await Assert.ThrowsAsync<RedisServerException>(() => node.ExecuteAsync("EVAL", [script, 2, (string)keys[0]!, (string)keys[1]!], CommandFlags.NoRedirect));

        Assert.Contains("single slot", client.Message, StringComparison.Ordinal);
        Assert.Contains("CROSSSLOT", cluster.Message, StringComparison.Ordinal);
    }

    private (Guid, Guid) FindPlayersInDifferentSlots()
    {
        var a = Guid.NewGuid();
        while (true)
        {
            var b = Guid.NewGuid();
            if (_multiplexer.HashSlot(new PlayerKeys(a).Lock) != _multiplexer.HashSlot(new PlayerKeys(b).Lock))
            {
                return (a, b);
            }
        }
    }
}
