using TriviaNft.Data.Postgres.Catalog;
using TriviaNft.Data.Postgres.Forging;
using TriviaNft.Data.Postgres.Mints;
using TriviaNft.Data.Postgres.PlayerNfts;
using TriviaNft.Tests.Data.Nfts;
using static TriviaNft.Tests.BadInput.BadInputKind;
using static TriviaNft.Tests.BadInput.Case;

namespace TriviaNft.Tests.BadInput;

/// <summary>Catalog stock, mints, player NFTs and forging.</summary>
internal static class NftCases
{
    public static IEnumerable<BadInputCase> All() =>
    [
        Invalid(EnumValue, "stock of tier 999", w => w.Catalog.GetStockAsync(w.Science, (NftTier)999), "chk_nft_catalog_tier"),
        Invalid(Identifier, "category stock without a category", w => w.Catalog.GetStockAsync(null, NftTier.Category), "chk_nft_catalog_category_required"),
        Invalid(Identifier, "category stock of empty category id", w => w.Catalog.GetStockAsync(Guid.Empty, NftTier.Category), "chk_nft_catalog_category_required"),
        Invalid(Identifier, "master stock of a category", w => w.Catalog.GetStockAsync(w.Science, NftTier.Master), "catalog.category-not-allowed"),

        Invalid(Identifier, "mint of empty eligibility id", w => w.Mints.CreatePendingAsync(Guid.Empty, w.Wallet), "mints.eligibility_id"),
        Invalid(Identifier, "mint by empty player id", w => w.Mints.CreatePendingAsync(w.EligibilityId, Guid.Empty), "mints.player_id"),
        NotFound(ForeignId, "mint of unknown eligibility", w => w.Mints.CreatePendingAsync(Guid.NewGuid(), w.Wallet)),
        Invalid(ForeignId, "mint of another player's eligibility", w => w.Mints.CreatePendingAsync(w.EligibilityId, w.Guest), MintRules.EligibilityNotOwned),
        Conflict(ForeignId, "mint of an eligibility with a pending mint", w => w.Mints.CreatePendingAsync(w.EligibilityId, w.Wallet), MintRules.EligibilityHasMint),
        Conflict(ForeignId, "mint of a used eligibility", w => w.Mints.CreatePendingAsync(w.UsedEligibilityId, w.Wallet), MintRules.EligibilityNotActive),
        Conflict(ForeignId, "mint of an expired eligibility", w => w.Mints.CreatePendingAsync(w.ExpiredEligibilityId, w.Wallet), MintRules.EligibilityExpired),
        Missing("confirm mint with null details", w => w.Mints.ConfirmAsync(w.MintId, null!)),
        Invalid(Identifier, "confirm mint with upper-case tx hash", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { TxHash = TestRows.TxHash().ToUpperInvariant() }), "chk_mints_tx_hash_format"),
        Invalid(Size, "confirm mint with 63-character tx hash", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { TxHash = TestRows.TxHash()[1..] }), "chk_mints_tx_hash_format"),
        Invalid(Unicode, "confirm mint with tx hash ending in a newline", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { TxHash = TestRows.TxHash() + "\n" }), "chk_mints_tx_hash_format"),
        Invalid(Injection, "confirm mint with SQL as policy id", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { PolicyId = Nasty.SqlSleep }), "chk_mints_policy_id_format"),
        Invalid(Identifier, "confirm mint with a bare asset1 fingerprint", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { AssetFingerprint = "asset1" }), "chk_mints_asset_fingerprint_format"),
        Invalid(Unicode, "confirm mint with fingerprint ending in a newline", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { AssetFingerprint = TestRows.Fingerprint() + "\n" }), "chk_mints_asset_fingerprint_format"),
        Invalid(Size, "confirm mint with empty token name", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { TokenName = "" }), "chk_mints_token_name_length"),
        Invalid(Size, "confirm mint with 65-character token name", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { TokenName = new string('t', 65) }), "chk_mints_token_name_length"),
        Invalid(Unicode, "confirm mint with NUL in the token name", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { TokenName = Nasty.Nul }), "chk_mints_token_name_length"),
        Invalid(Unicode, "confirm mint with a lone surrogate in the token name", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { TokenName = Nasty.LoneHighSurrogate }), "chk_mints_token_name_length"),
        Invalid(Json, "mint metadata not JSON", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { Metadata = "{not json" }), "chk_player_nfts_metadata_object"),
        Invalid(Json, "mint metadata an array", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { Metadata = "[1, 2]" }), "chk_player_nfts_metadata_object"),
        Invalid(Json, "mint metadata a JSON string", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { Metadata = "\"{}\"" }), "chk_player_nfts_metadata_object"),
        Invalid(Json, "mint metadata JSON null", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { Metadata = "null" }), "chk_player_nfts_metadata_object"),
        Invalid(Json, "mint metadata with an escaped NUL", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { Metadata = """{"name": "a\u0000b"}""" }), "chk_player_nfts_metadata_object"),
        Invalid(Json, "mint metadata with an escaped lone surrogate", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { Metadata = """{"name": "\ud800"}""" }), "chk_player_nfts_metadata_object"),
        Invalid(Json, "mint metadata nested 200 deep", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { Metadata = Nasty.DeepJson }), "chk_player_nfts_metadata_object"),
        Invalid(Json, "mint metadata with trailing garbage", w => w.Mints.ConfirmAsync(w.MintId, Mint() with { Metadata = "{} DROP TABLE mints" }), "chk_player_nfts_metadata_object"),
        NotFound(ForeignId, "confirm unknown mint", w => w.Mints.ConfirmAsync(Guid.NewGuid(), Mint())),
        Invalid(Size, "fail mint with empty reason", w => w.Mints.FailAsync(w.MintId, ""), "mints.error"),
        Invalid(Size, "fail mint with 2001-character reason", w => w.Mints.FailAsync(w.MintId, new string('e', 2001)), "mints.error"),
        Invalid(Unicode, "fail mint with NUL in the reason", w => w.Mints.FailAsync(w.MintId, Nasty.Nul), "mints.error"),
        NotFound(ForeignId, "fail unknown mint", w => w.Mints.FailAsync(Guid.NewGuid(), "rejected")),
        Invalid(Identifier, "mint by empty id", w => w.Mints.GetAsync(Guid.Empty), "mints.id"),

        Invalid(Identifier, "NFTs of a malformed stake key", w => w.Nfts.ListAsync("stake1short"), "chk_player_nfts_stake_key_format"),
        Invalid(Injection, "NFTs of a stake key with SQL", w => w.Nfts.ListAsync(Nasty.SqlTautology), "chk_player_nfts_stake_key_format"),
        Invalid(Number, "NFT page of 0", w => w.Nfts.ListAsync(w.WalletStakeKey, new PlayerNftQuery { Limit = 0 }), "page.limit"),
        Invalid(Number, "NFT page of 201", w => w.Nfts.ListAsync(w.WalletStakeKey, new PlayerNftQuery { Limit = 201 }), "page.limit"),
        Invalid(Number, "NFT page at offset -1", w => w.Nfts.ListAsync(w.WalletStakeKey, new PlayerNftQuery { Offset = -1 }), "page.offset"),
        Invalid(EnumValue, "NFTs of tier 999", w => w.Nfts.ListAsync(w.WalletStakeKey, new PlayerNftQuery { Tier = (NftTier)999 }), "chk_player_nfts_tier"),
        Invalid(EnumValue, "NFTs of status -1", w => w.Nfts.ListAsync(w.WalletStakeKey, new PlayerNftQuery { Status = (NftStatus)(-1) }), "chk_player_nfts_status"),
        Invalid(Identifier, "NFTs of empty category id", w => w.Nfts.ListAsync(w.WalletStakeKey, new PlayerNftQuery { CategoryId = Guid.Empty }), "player_nfts.category_id"),
        Invalid(Injection, "NFT by SQL fingerprint", w => w.Nfts.GetAsync("asset1' OR '1'='1"), "chk_player_nfts_asset_fingerprint_format"),
        Invalid(Identifier, "NFT by upper-case fingerprint", w => w.Nfts.GetAsync(TestRows.Fingerprint().ToUpperInvariant()), "chk_player_nfts_asset_fingerprint_format"),
        NotFound(ForeignId, "NFT by unknown fingerprint", w => w.Nfts.GetAsync(TestRows.Fingerprint())),

        Missing("forge null request", w => w.Forging.CreateAsync(null!)),
        Invalid(EnumValue, "forge of type 999", w => w.Forging.CreateAsync(Forge(w) with { Type = (ForgeType)999 }), "chk_forge_operations_type"),
        Invalid(Identifier, "forge by a malformed stake key", w => w.Forging.CreateAsync(Forge(w) with { StakeKey = "stake1" }), "chk_forge_operations_stake_key_format"),
        Invalid(NullArgument, "forge with null inputs", w => w.Forging.CreateAsync(Forge(w) with { InputFingerprints = null! }), ForgeRules.InputCount),
        Invalid(NullArgument, "forge with a null input", w => w.Forging.CreateAsync(Forge(w) with { InputFingerprints = [.. w.ForeignNfts.Take(9), null!] }), "chk_forge_operations_inputs_format"),
        Invalid(Size, "forge of 501 inputs", w => w.Forging.CreateAsync(Forge(w) with { InputFingerprints = [.. Enumerable.Range(0, 501).Select(_ => TestRows.Fingerprint())] }), ForgeRules.InputCount),
        Invalid(Identifier, "forge with an input listed twice", w => w.Forging.CreateAsync(Forge(w) with { InputFingerprints = [.. w.ForeignNfts.Take(9), w.ForeignNfts[0]] }), ForgeRules.DuplicateInput),
        Invalid(ForeignId, "forge of another wallet's NFTs", w => w.Forging.CreateAsync(Forge(w) with { InputFingerprints = w.ForeignNfts }), ForgeRules.InputNotOwned),
        Conflict(ForeignId, "forge of NFTs in a pending forge", w => w.Forging.CreateAsync(Forge(w) with { InputFingerprints = w.ForgeInputs }), ForgeRules.InputInPendingForge),
        Invalid(Injection, "season forge of a SQL season id", w => w.Forging.CreateAsync(Forge(w) with { Type = ForgeType.Season, CategoryId = null, SeasonId = Nasty.SqlDrop }), "chk_seasons_id_format"),
        Missing("confirm forge with null details", w => w.Forging.ConfirmAsync(w.ForgeId, null!)),
        Invalid(Identifier, "confirm forge with malformed burn hash", w => w.Forging.ConfirmAsync(w.ForgeId, ForgeDone() with { BurnTxHash = "0x" + TestRows.TxHash()[2..] }), "chk_forge_operations_burn_tx_hash_format"),
        Invalid(Json, "forge metadata an array", w => w.Forging.ConfirmAsync(w.ForgeId, ForgeDone() with { Metadata = "[{}]" }), "chk_player_nfts_metadata_object"),
        Invalid(Json, "forge metadata with an escaped NUL", w => w.Forging.ConfirmAsync(w.ForgeId, ForgeDone() with { Metadata = """{"k": "\u0000"}""" }), "chk_player_nfts_metadata_object"),
        NotFound(ForeignId, "confirm unknown forge", w => w.Forging.ConfirmAsync(Guid.NewGuid(), ForgeDone())),
        Invalid(Unicode, "fail forge with a lone surrogate in the reason", w => w.Forging.FailAsync(w.ForgeId, Nasty.LoneLowSurrogate), "forge_operations.error"),
        Invalid(Identifier, "forge by empty id", w => w.Forging.GetAsync(Guid.Empty), "forge_operations.id"),
    ];

    private static MintConfirmation Mint() => new()
    {
        TxHash = TestRows.TxHash(), PolicyId = TestRows.PolicyId(), AssetFingerprint = TestRows.Fingerprint(), TokenName = "TriviaScience0001",
    };

    private static ForgeRequest Forge(BadInputWorld world) => new()
    {
        Type = ForgeType.Category, StakeKey = world.WalletStakeKey, CategoryId = world.Science, InputFingerprints = world.ForgeInputs,
    };

    private static ForgeConfirmation ForgeDone() => new()
    {
        BurnTxHash = TestRows.TxHash(), MintTxHash = TestRows.TxHash(), OutputAssetFingerprint = TestRows.Fingerprint(),
        OutputPolicyId = TestRows.PolicyId(), OutputTokenName = "ScienceUltimate0001",
    };
}
