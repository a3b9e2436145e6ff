using TriviaNft.Data.Internal;
using TriviaNft.Data.Redis.Internal;

namespace TriviaNft.Data.Redis.Limits;

/// <summary>Redis implementation of <see cref="ISeenQuestionStore"/>: one SMEMBERS of today's set.</summary>
public sealed class RedisSeenQuestionStore(
    StackExchange.Redis.IConnectionMultiplexer multiplexer, RedisGameStateOptions? options = null, TimeProvider? clock = null) : ISeenQuestionStore
{
    private readonly DailyClock _daily = DailyClock.From((options ?? RedisGameStateOptions.Default).EnsureValid());
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task<IReadOnlySet<Guid>> GetAsync(Guid playerId, Guid categoryId, CancellationToken cancellationToken = default)
    {
        var keys = new PlayerKeys(playerId);
        Guard.Id(categoryId, "categories.id", "The category id");
        var day = _daily.At(_clock.GetUtcNow());
        var members = await RedisCall.RunAsync(() => multiplexer.GetDatabase(0).SetMembersAsync(keys.Seen(categoryId, day.Day))).ConfigureAwait(false);
        return members.Select(m => Guid.Parse((string)m!)).ToHashSet();
    }
}
