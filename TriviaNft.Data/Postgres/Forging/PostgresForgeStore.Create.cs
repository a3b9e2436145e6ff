using System.Text.Json;
using Dapper;
using TriviaNft.Data.Configuration;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.Forging;

public sealed partial class PostgresForgeStore
{
    /// <inheritdoc />
    public Task<ForgeOperation> CreateAsync(ForgeRequest request, CancellationToken cancellationToken = default)
    {
        ForgeValidator.CheckRequest(request, _options);
        var inputs = request.InputFingerprints.ToArray();
        // One round trip. The inputs are locked in fingerprint order (no deadlock between overlapping requests);
        // the statements after the lock take their own, later snapshots, so they see a forge that a concurrent
        // request committed while we waited for its inputs.
        const string check = """
            SELECT n.asset_fingerprint, n.stake_key, n.category_id, n.tier, n.status,
                   CASE WHEN s.id IS NULL THEN NULL
                        ELSE n.minted_at >= s.starts_at AND n.minted_at < s.ends_at + make_interval(days => s.grace_days) END AS in_season
            FROM player_nfts n LEFT JOIN seasons s ON s.id = @seasonId
            WHERE n.asset_fingerprint = ANY(@inputs)
            ORDER BY n.asset_fingerprint
            FOR UPDATE OF n;
            SELECT id FROM forge_operations WHERE status = 'pending' AND input_fingerprints ?| @inputs LIMIT 1;
            SELECT EXISTS (SELECT 1 FROM seasons WHERE id = @seasonId);
            SELECT id FROM categories WHERE is_active;
            """;
        const string insert = $"""
            INSERT INTO forge_operations (type, stake_key, category_id, season_id, input_fingerprints)
            VALUES (@type, @stakeKey, @categoryId, @seasonId, @inputsJson::jsonb)
            RETURNING {Columns}
            """;
        return Db.WriteAsync(database.Writer, async (connection, transaction) =>
        {
            var parameters = new { inputs, seasonId = request.SeasonId };
            await using (var results = await connection.QueryMultipleAsync(
                new CommandDefinition(check, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            {
                var locked = (await results.ReadAsync<ForgeInput>().ConfigureAwait(false)).ToList();
                var pendingForge = await results.ReadSingleOrDefaultAsync<Guid?>().ConfigureAwait(false);
                var seasonExists = await results.ReadSingleAsync<bool>().ConfigureAwait(false);
                var activeCategories = (await results.ReadAsync<Guid>().ConfigureAwait(false)).ToHashSet();
                if (request.SeasonId is not null && !seasonExists)
                {
                    throw new DataNotFoundException("season", request.SeasonId);
                }

                ForgeValidator.CheckInputs(request, locked, activeCategories, _options);
                if (pendingForge is { } other)
                {
                    throw new DataConflictException(ForgeRules.InputInPendingForge, $"An input is already part of the pending forge {other}.");
                }
            }

            return await connection.QuerySingleAsync<ForgeOperation>(new CommandDefinition(insert, new
            {
                type = DbText.Of(request.Type),
                stakeKey = request.StakeKey,
                categoryId = request.CategoryId,
                seasonId = request.SeasonId,
                inputsJson = JsonSerializer.Serialize(inputs, DataJsonContext.Default.StringArray),
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }, cancellationToken);
    }
}
