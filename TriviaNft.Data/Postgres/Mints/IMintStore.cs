namespace TriviaNft.Data.Postgres.Mints;

/// <summary>
/// Mints NFTs from eligibilities. The pending mint is the catalog reservation; the eligibility is spent and
/// the stock consumed when the mint is confirmed (docs/data-access.md).
/// </summary>
public interface IMintStore
{
    /// <summary>
    /// Starts a mint for <paramref name="eligibilityId"/> in one transaction: locks the eligibility, checks it is
    /// the player's, active and not expired and has no live mint, takes an available catalog item of its category
    /// and tier (<c>FOR UPDATE SKIP LOCKED</c>) and inserts the pending mint, or resets the eligibility's failed
    /// mint to pending with a new item. Concurrent calls for one eligibility make exactly one mint.
    /// </summary>
    /// <exception cref="Errors.DataNotFoundException">The eligibility does not exist.</exception>
    /// <exception cref="Errors.DataValidationException">An id is empty, or the eligibility is another player's (<see cref="MintRules.EligibilityNotOwned"/>).</exception>
    /// <exception cref="Errors.DataConflictException">The eligibility is not active, expired or already has a mint, the player has no wallet, or the stock is out (<see cref="MintRules"/>).</exception>
    Task<Mint> CreatePendingAsync(Guid eligibilityId, Guid playerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms a pending mint in one transaction: the mint gets its chain details, the NFT is recorded for the
    /// wallet, the catalog item is consumed, the eligibility used, and the wallet's <c>nfts_minted</c> in the
    /// active season goes up by one. Confirming again with the same details changes nothing.
    /// </summary>
    /// <exception cref="Errors.DataNotFoundException">The mint does not exist.</exception>
    /// <exception cref="Errors.DataValidationException">A detail is malformed.</exception>
    /// <exception cref="Errors.DataConflictException">The mint is confirmed with other details, failed, or the asset is already recorded.</exception>
    Task<Mint> ConfirmAsync(Guid mintId, MintConfirmation confirmation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fails a pending mint with <paramref name="error"/>: its catalog item is released and its eligibility stays
    /// active, so it can be retried within its window. Failing a failed mint changes nothing.
    /// </summary>
    /// <exception cref="Errors.DataNotFoundException">The mint does not exist.</exception>
    /// <exception cref="Errors.DataValidationException">The id is empty or the error text is not 1 to 2000 characters.</exception>
    /// <exception cref="Errors.DataConflictException">The mint is already confirmed.</exception>
    Task<Mint> FailAsync(Guid mintId, string error, CancellationToken cancellationToken = default);

    /// <summary>The mint with <paramref name="mintId"/> (from the writer: read-your-writes).</summary>
    /// <exception cref="Errors.DataNotFoundException">The mint does not exist.</exception>
    /// <exception cref="Errors.DataValidationException">The id is empty.</exception>
    Task<Mint> GetAsync(Guid mintId, CancellationToken cancellationToken = default);
}
