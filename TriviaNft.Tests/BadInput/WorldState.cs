namespace TriviaNft.Tests.BadInput;

/// <summary>
/// What a rejected call must leave as it was: the row count of each of the 13 tables, every Redis key's name (no
/// key added anywhere in the cluster), and the serialized value of each key of the world's players and category.
/// Keys that expire meanwhile (other tests' cooldowns) may disappear: only additions and changes count.
/// </summary>
internal sealed record WorldState(IReadOnlyList<long> RowCounts, IReadOnlySet<string> Keys, IReadOnlyDictionary<string, string> WorldValues)
{
    private const string CountsSql = """
        SELECT ARRAY[(SELECT count(*) FROM players), (SELECT count(*) FROM categories), (SELECT count(*) FROM questions),
                     (SELECT count(*) FROM question_flags), (SELECT count(*) FROM sessions), (SELECT count(*) FROM seasons),
                     (SELECT count(*) FROM eligibilities), (SELECT count(*) FROM nft_catalog), (SELECT count(*) FROM mints),
                     (SELECT count(*) FROM player_nfts), (SELECT count(*) FROM forge_operations),
                     (SELECT count(*) FROM season_points), (SELECT count(*) FROM leaderboard_snapshots)]
        """;

    public static async Task<WorldState> CaptureAsync(BadInputWorld world)
    {
        var counts = await world.Db.ScalarAsync<long[]>(CountsSql);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var server in world.Redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(pageSize: 1_000))
            {
                keys.Add(key.ToString());
            }
        }

        var markers = world.PlayerIds.Select(id => id.ToString("D")).Append(world.CategoryId.ToString("D")).ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var database = world.Redis.GetDatabase(0);
        foreach (var key in keys.Where(k => markers.Exists(m => k.Contains(m, StringComparison.Ordinal))))
        {
            if (await database.KeyDumpAsync(key) is { } dump)
            {
                values[key] = Convert.ToBase64String(dump);
            }
        }

        return new WorldState(counts, keys, values);
    }

    /// <summary>Fails naming whatever <paramref name="after"/> added or changed.</summary>
    public void AssertUnchangedBy(WorldState after)
    {
        Assert.Equal(RowCounts, after.RowCounts);
        Assert.Empty(after.Keys.Except(Keys));
        var changed = WorldValues.Where(v => after.WorldValues.TryGetValue(v.Key, out var now) && now != v.Value).Select(v => v.Key);
        Assert.Empty(changed);
    }
}
