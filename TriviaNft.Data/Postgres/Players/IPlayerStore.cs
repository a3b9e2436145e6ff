using TriviaNft.Data.Errors;

namespace TriviaNft.Data.Postgres.Players;

/// <summary>Guests, wallet-connected players, and the step that turns one into the other.</summary>
public interface IPlayerStore
{
    /// <summary>
    /// The player holding guest id <paramref name="anonId"/>, created if there is none; touches
    /// <see cref="Player.LastSeenAt"/>. Idempotent and safe under concurrent calls (one row per guest id). The
    /// player returned is connected when this guest id has connected a wallet (check <see cref="Player.IsConnected"/>).
    /// </summary>
    /// <exception cref="DataValidationException">The guest id is empty, longer than 64 characters or has control characters.</exception>
    Task<Player> GetOrCreateGuestAsync(string anonId, CancellationToken cancellationToken = default);

    /// <summary>The player with id <paramref name="playerId"/>.</summary>
    /// <exception cref="DataNotFoundException">No such player (or a guest that was merged into a wallet).</exception>
    /// <exception cref="DataValidationException">The id is empty.</exception>
    Task<Player> GetByIdAsync(Guid playerId, CancellationToken cancellationToken = default);

    /// <summary>The player connected to wallet <paramref name="stakeKey"/>.</summary>
    /// <exception cref="DataNotFoundException">No player has that stake key.</exception>
    /// <exception cref="DataValidationException">The stake key is not a Cardano stake address.</exception>
    Task<Player> GetByStakeKeyAsync(string stakeKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Connects wallet <paramref name="stakeKey"/> to guest <paramref name="guestId"/>, in one transaction. When no
    /// player has the stake key the guest row gains it (and keeps its guest id). When a player has it, the guest is
    /// merged into that player: sessions, question flags and eligibilities move to it, an active guest eligibility
    /// still inside its window moves too (if both hold one for a category, the later-expiring one stays active and
    /// the other is expired), the wallet player takes the guest's guest id (the device now playing) and, where it
    /// has none, its username and email; then the guest row is deleted. Calling it again for a connected player with
    /// the same key changes nothing.
    /// </summary>
    /// <exception cref="DataNotFoundException">The guest does not exist (e.g. it was already merged).</exception>
    /// <exception cref="DataConflictException">The player is connected to another wallet (<c>players.already-connected</c>).</exception>
    /// <exception cref="DataValidationException">The id is empty or the stake key malformed.</exception>
    Task<WalletConnection> ConnectWalletAsync(Guid guestId, string stakeKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the player's username and email (null clears one) and returns the updated player.
    /// </summary>
    /// <exception cref="DataNotFoundException">No such player.</exception>
    /// <exception cref="DataConflictException">Another player has the username (<c>uq_players_username</c>).</exception>
    /// <exception cref="DataValidationException">The username is not 3 to 50 letters, digits, '_' or '-', or the email is not valid.</exception>
    Task<Player> UpdateProfileAsync(Guid playerId, string? username, string? email, CancellationToken cancellationToken = default);

    /// <summary>Sets the player's last activity to now (the retention purge spares active guests).</summary>
    /// <exception cref="DataNotFoundException">No such player.</exception>
    /// <exception cref="DataValidationException">The id is empty.</exception>
    Task TouchAsync(Guid playerId, CancellationToken cancellationToken = default);
}
