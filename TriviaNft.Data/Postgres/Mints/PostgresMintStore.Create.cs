using Dapper;
using Npgsql;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;
using TriviaNft.Data.Postgres.Catalog;

namespace TriviaNft.Data.Postgres.Mints;

public sealed partial class PostgresMintStore
{
    /// <inheritdoc />
    public Task<Mint> CreatePendingAsync(Guid eligibilityId, Guid playerId, CancellationToken cancellationToken = default)
    {
        Guard.Id(eligibilityId, "mints.eligibility_id", "The eligibility id");
        Guard.Id(playerId, "mints.player_id", "The player id");
        return Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            for (var attempt = 1; attempt <= _options.MaxPickAttempts; attempt++)
            {
                var (eligibility, existing) = await LockEligibilityAsync(connection, transaction, eligibilityId, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                var (categoryId, tier) = Check(eligibility, existing, eligibilityId, playerId);
                var stakeKey = eligibility!.StakeKey!;
                // Common case, one round trip: pick and insert in one statement.
                var mint = existing is null
                    ? await PickAndInsertAsync(connection, transaction, eligibilityId, playerId, stakeKey, categoryId, tier, cancellationToken).ConfigureAwait(false)
                    : null;
                if (mint is null)
                {
                    // A retry, no stock, or the picked item went to a mint that committed between our snapshot and
                    // our lock: pick on its own, then write on a snapshot taken after we hold the item.
                    var item = await CatalogReservation.PickAsync(connection, transaction, categoryId, tier, cancellationToken).ConfigureAwait(false)
                        ?? throw new DataConflictException(MintRules.OutOfStock, $"No {DbText.Of(tier)} NFT is left to mint for this eligibility.");
                    mint = existing is null
                        ? await InsertAsync(connection, transaction, eligibilityId, playerId, stakeKey, item, cancellationToken).ConfigureAwait(false)
                        : await ResetAsync(connection, transaction, existing.Id, playerId, stakeKey, item, cancellationToken).ConfigureAwait(false);
                }

                if (mint is not null)
                {
                    return mint;
                }

                // Lost the item again: go round. The eligibility lock is already ours, so the next round's reads are current.
            }

            throw new DataConcurrencyException("Concurrent mints kept taking the picked NFT; nothing was written, try again.");
        }, cancellationToken);
    }

    private static async Task<(EligibilityRow? Eligibility, Mint? Existing)> LockEligibilityAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid eligibilityId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One round trip, two statements: the second starts after the first holds the lock, so it sees the mint
        // of any consumer of this eligibility that committed while we waited.
        const string sql = $"""
            SELECT e.type, e.category_id, e.player_id, e.status, e.expires_at <= @now AS expired, p.stake_key
            FROM eligibilities e JOIN players p ON p.id = e.player_id
            WHERE e.id = @eligibilityId
            FOR UPDATE OF e;
            SELECT {Columns} FROM mints WHERE eligibility_id = @eligibilityId;
            """;
        await using var results = await connection.QueryMultipleAsync(
            new CommandDefinition(sql, new { eligibilityId, now = now.ToPostgres() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var eligibility = await results.ReadSingleOrDefaultAsync<EligibilityRow>().ConfigureAwait(false);
        var existing = await results.ReadSingleOrDefaultAsync<Mint>().ConfigureAwait(false);
        return (eligibility, existing);
    }

    private static (Guid? CategoryId, NftTier Tier) Check(EligibilityRow? eligibility, Mint? existing, Guid eligibilityId, Guid playerId)
    {
        if (eligibility is null)
        {
            throw new DataNotFoundException("eligibility", eligibilityId.ToString());
        }

        if (eligibility.PlayerId != playerId)
        {
            throw new DataValidationException(MintRules.EligibilityNotOwned, "This eligibility belongs to another player.");
        }

        if (existing is { Status: not MintStatus.Failed })
        {
            throw new DataConflictException(MintRules.EligibilityHasMint, $"This eligibility already has a {DbText.Of(existing.Status)} mint ({existing.Id}).");
        }

        if (eligibility.Status != "active")
        {
            throw new DataConflictException(MintRules.EligibilityNotActive, $"This eligibility is {eligibility.Status}.");
        }

        if (eligibility.Expired)
        {
            throw new DataConflictException(MintRules.EligibilityExpired, "This eligibility's window has passed.");
        }

        if (eligibility.StakeKey is null)
        {
            throw new DataConflictException(MintRules.WalletRequired, "Connect a wallet to mint: the NFT is sent to its stake key.");
        }

        // A category eligibility mints its category's NFTs; master and season eligibilities mint the category-less tiers.
        return eligibility.Type switch
        {
            "category" => (eligibility.CategoryId, NftTier.Category),
            "master" => (null, NftTier.Master),
            _ => (null, NftTier.Seasonal),
        };
    }

    private sealed record EligibilityRow
    {
        public required string Type { get; init; }

        public Guid? CategoryId { get; init; }

        public Guid PlayerId { get; init; }

        public required string Status { get; init; }

        public bool Expired { get; init; }

        public string? StakeKey { get; init; }
    }
}
