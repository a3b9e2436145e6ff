using TriviaNft.Data.Errors;

namespace TriviaNft.Data.Postgres.Eligibilities;

/// <summary>Mint eligibilities: the live ones, spending one, and expiring the overdue.</summary>
public interface IEligibilityStore
{
    /// <summary>The player's usable eligibilities (active and not past <see cref="Eligibility.ExpiresAt"/>), soonest expiry first.</summary>
    /// <exception cref="DataValidationException">The id is empty.</exception>
    Task<IReadOnlyList<Eligibility>> ListActiveAsync(Guid playerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Spends the eligibility exactly once: active → used with <c>used_at</c> set to the store's clock, while it is inside its window
    /// and held by <paramref name="playerId"/>. Concurrent calls: one wins, the others get the conflict.
    /// </summary>
    /// <exception cref="DataNotFoundException">No such eligibility for this player.</exception>
    /// <exception cref="DataConflictException">It was already used (<c>eligibility.already-used</c>) or expired (<c>eligibility.expired</c>).</exception>
    /// <exception cref="DataValidationException">An id is empty.</exception>
    Task<Eligibility> ConsumeAsync(Guid eligibilityId, Guid playerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets overdue active eligibilities to expired, <paramref name="batchSize"/> rows per transaction, until none is
    /// left or <paramref name="maxBatches"/> ran; returns how many it expired. Safe to run from several workers at
    /// once (rows another worker holds are skipped, not waited for).
    /// </summary>
    /// <exception cref="DataValidationException">The batch size is not 1..10000 or the batch count not 1..1000.</exception>
    Task<int> ExpireOverdueAsync(int batchSize = 500, int maxBatches = 100, CancellationToken cancellationToken = default);
}
