using System.Text.Json;

namespace TriviaNft.Data.Postgres.Privacy;

/// <summary>
/// The player's data rights and the retention job: export everything stored about a player, erase it, and purge
/// inactive guests (design.md §12). Redis holds no durable personal data (keys expire); the caller removes an
/// erased wallet from the Redis leaderboards after the erasure commits.
/// </summary>
public interface IPrivacyStore
{
    /// <summary>
    /// Everything stored about <paramref name="playerId"/>, as one JSON object read in one statement (one
    /// consistent view): the player row, their sessions, eligibilities, mints and question flags, and — by their
    /// stake key — NFTs, forges, season points and leaderboard snapshot lines. Column names are the schema's.
    /// </summary>
    /// <exception cref="Errors.DataNotFoundException">No such player.</exception>
    /// <exception cref="Errors.DataValidationException">The id is empty.</exception>
    Task<JsonElement> ExportAsync(Guid playerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases <paramref name="playerId"/> in one transaction: the player row and everything that cascades from it
    /// are deleted, the wallet's NFTs, forges and season points are deleted, and its leaderboard snapshot lines
    /// keep their numbers under an anonymous placeholder key. Erasing again finds nothing and does nothing.
    /// </summary>
    /// <exception cref="Errors.DataValidationException">The id is empty.</exception>
    Task<ErasureResult> EraseAsync(Guid playerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes guests (no stake key) last seen longer ago than <see cref="PrivacyOptions.GuestRetention"/>, with
    /// their sessions (and anything else of theirs, by cascade), in batches of one transaction each.
    /// </summary>
    Task<GuestPurgeResult> PurgeInactiveGuestsAsync(CancellationToken cancellationToken = default);
}
