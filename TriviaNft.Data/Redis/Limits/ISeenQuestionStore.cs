namespace TriviaNft.Data.Redis.Limits;

/// <summary>
/// Reads the questions a player was served today in a category (set
/// <c>{p:&lt;playerId&gt;}:seen:&lt;categoryId&gt;:&lt;yyyy-MM-dd&gt;</c>), filled by serving and answering and reset with
/// the daily reset. The start script already skips seen candidates; this read is for picking around a long list.
/// </summary>
public interface ISeenQuestionStore
{
    /// <summary>The ids of the questions served to <paramref name="playerId"/> today in <paramref name="categoryId"/>.</summary>
    Task<IReadOnlySet<Guid>> GetAsync(Guid playerId, Guid categoryId, CancellationToken cancellationToken = default);
}
