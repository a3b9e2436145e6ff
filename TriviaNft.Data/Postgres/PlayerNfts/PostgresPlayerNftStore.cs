using Dapper;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Postgres.PlayerNfts;

/// <summary>PostgreSQL implementation of <see cref="IPlayerNftStore"/>.</summary>
/// <param name="database">The endpoints.</param>
/// <param name="paging">Page limits; <see cref="PagingOptions.Default"/> when null.</param>
public sealed class PostgresPlayerNftStore(TriviaNftDatabase database, PagingOptions? paging = null) : IPlayerNftStore
{
    internal const string Columns =
        "id, stake_key, policy_id, asset_fingerprint, token_name, source, category_id, season_id, tier, status, minted_at, burned_at, metadata::text AS metadata";

    private readonly PagingOptions _paging = (paging ?? PagingOptions.Default).Checked();

    /// <inheritdoc />
    public Task<IReadOnlyList<PlayerNft>> ListAsync(string stakeKey, PlayerNftQuery? query = null, CancellationToken cancellationToken = default)
    {
        Guard.StakeKey(stakeKey, "chk_player_nfts_stake_key_format");
        query ??= new PlayerNftQuery();
        var limit = _paging.Limit(query.Limit);
        Guard.Page(query.Offset, limit, _paging.MaxPageSize);
        if (query.CategoryId == Guid.Empty)
        {
            throw new DataValidationException("player_nfts.category_id", "The category filter is an empty id; pass null for all categories.");
        }

        var tier = query.Tier is { } t ? DbText.Of(Guard.Defined(t, "chk_player_nfts_tier", "The tier")) : null;
        var status = query.Status is { } s ? DbText.Of(Guard.Defined(s, "chk_player_nfts_status", "The status")) : null;
        // Parameters are bound per execution (no prepared statements behind the proxy), so PostgreSQL plans with
        // their values: an absent filter folds away, and status = 'confirmed' with stake_key (and category) is
        // served by idx_player_nfts_owner.
        const string sql = $"""
            SELECT {Columns} FROM player_nfts
            WHERE stake_key = @stakeKey
              AND (@categoryId::uuid IS NULL OR category_id = @categoryId)
              AND (@tier::text IS NULL OR tier = @tier)
              AND (@status::text IS NULL OR status = @status)
            ORDER BY minted_at DESC, id
            OFFSET @offset LIMIT @limit
            """;
        return Db.ReadAsync<IReadOnlyList<PlayerNft>>(database.Reader, async connection =>
            [.. await connection.QueryAsync<PlayerNft>(new CommandDefinition(sql,
                new { stakeKey, categoryId = query.CategoryId, tier, status, offset = query.Offset, limit },
                cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PlayerNft> GetAsync(string assetFingerprint, CancellationToken cancellationToken = default)
    {
        Guard.AssetFingerprint(assetFingerprint, "chk_player_nfts_asset_fingerprint_format");
        const string sql = $"SELECT {Columns} FROM player_nfts WHERE asset_fingerprint = @assetFingerprint";
        var nft = await Db.ReadAsync(database.Writer, connection => connection.QuerySingleOrDefaultAsync<PlayerNft>(
            new CommandDefinition(sql, new { assetFingerprint }, cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false);
        return nft ?? throw new DataNotFoundException("NFT", assetFingerprint);
    }
}
