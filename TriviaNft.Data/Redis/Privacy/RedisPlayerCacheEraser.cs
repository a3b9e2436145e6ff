using StackExchange.Redis;
using TriviaNft.Data.Internal;
using TriviaNft.Data.Redis.Internal;
using TriviaNft.Data.Redis.Leaderboards;

namespace TriviaNft.Data.Redis.Privacy;

/// <summary>
/// Redis implementation of <see cref="IPlayerCacheEraser"/>: one DEL over the player's keys (one hash tag, one
/// slot) and one removal script per leaderboard, all pipelined, so the erasure costs one round-trip time.
/// </summary>
public sealed class RedisPlayerCacheEraser(
    IConnectionMultiplexer multiplexer, RedisGameStateOptions? options = null, TimeProvider? clock = null) : IPlayerCacheEraser
{
    private readonly IDatabase _database = multiplexer.GetDatabase(0);
    private readonly DailyClock _daily = DailyClock.From((options ?? RedisGameStateOptions.Default).EnsureValid());
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task<PlayerCacheErasure> EraseAsync(
        Guid playerId,
        IEnumerable<Guid> categoryIds,
        string? stakeKey = null,
        IEnumerable<LeaderboardId>? leaderboards = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(categoryIds);
        var categories = categoryIds.Select(c => Guard.Id(c, "categories.id", "A category id")).Distinct().ToList();
        var boards = leaderboards?.Distinct().ToList() ?? [];
        if (boards.Count > 0 && stakeKey is null)
        {
            throw new Errors.DataValidationException("leaderboard.stake_key", "Removing leaderboard entries needs the player's stake key.");
        }

        if (stakeKey is not null)
        {
            Guard.StakeKey(stakeKey, "leaderboard.stake_key");
        }

        RedisKey[] names = [.. KeyNames(playerId, categories, _daily.At(_clock.GetUtcNow()).Day)];
        var deleted = _database.KeyDeleteAsync(names);
        var removals = boards.Select(b => _database.ScriptEvaluateAsync(RedisLeaderboardStore.RemoveScript, RedisLeaderboardStore.Keys(b), [stakeKey])).ToList();
        return await RedisCall.RunAsync(async () =>
        {
            var results = await Task.WhenAll(removals).ConfigureAwait(false);
            return new PlayerCacheErasure(await deleted.ConfigureAwait(false), results.Count(r => (int)r == 1));
        }).ConfigureAwait(false);
    }

    /// <summary>Every key name <see cref="EraseAsync"/> deletes for <paramref name="playerId"/> on game day <paramref name="today"/>.</summary>
    /// <remarks>
    /// Yesterday's and today's dated keys are the only ones the TTL rule lets exist; tomorrow's covers an app
    /// server whose clock runs ahead at midnight.
    /// </remarks>
    internal static IReadOnlyList<RedisKey> KeyNames(Guid playerId, IEnumerable<Guid> categoryIds, DateOnly today)
    {
        var keys = new PlayerKeys(playerId);
        DateOnly[] days = [today.AddDays(-1), today, today.AddDays(1)];
        return [keys.Session, keys.Lock, keys.Cooldown, .. days.Select(keys.Daily), .. categoryIds.SelectMany(c => days.Select(d => keys.Seen(c, d)))];
    }
}
