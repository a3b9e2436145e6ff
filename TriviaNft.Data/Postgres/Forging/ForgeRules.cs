namespace TriviaNft.Data.Postgres.Forging;

/// <summary>The forging rules a request can break, as reported in <c>Rule</c> of the data exceptions.</summary>
public static class ForgeRules
{
    /// <summary>The number of inputs is not what the forge type needs.</summary>
    public const string InputCount = "forge.input-count";

    /// <summary>An input is listed twice.</summary>
    public const string DuplicateInput = "forge.duplicate-input";

    /// <summary>An input is not a recorded NFT.</summary>
    public const string InputNotFound = "forge.input-not-found";

    /// <summary>An input belongs to another wallet.</summary>
    public const string InputNotOwned = "forge.input-not-owned";

    /// <summary>An input is burned.</summary>
    public const string InputNotConfirmed = "forge.input-not-confirmed";

    /// <summary>An input is not a category-tier NFT (Ultimates are not forged again).</summary>
    public const string InputTier = "forge.input-tier";

    /// <summary>An input is already part of a pending forge.</summary>
    public const string InputInPendingForge = "forge.input-in-pending-forge";

    /// <summary>A category forge's inputs are not all of its category.</summary>
    public const string CategoryMismatch = "forge.category-mismatch";

    /// <summary>A master forge's inputs are not all of different categories.</summary>
    public const string MasterDistinctCategories = "forge.master-distinct-categories";

    /// <summary>A season forge's inputs were not all earned during the season or its grace days.</summary>
    public const string SeasonWindow = "forge.season-window";

    /// <summary>A season forge's inputs are not the required number from every active category.</summary>
    public const string SeasonCategories = "forge.season-categories";

    /// <summary>The request's category or season does not fit its type.</summary>
    public const string TypeFields = "forge.type-fields";

    /// <summary>The forge is confirmed with other details than the ones given.</summary>
    public const string AlreadyConfirmed = "forge.already-confirmed";

    /// <summary>The forge failed; a new request starts a new forge.</summary>
    public const string AlreadyFailed = "forge.already-failed";

    /// <summary>An input changed (burned or moved) while the forge was pending; nothing was written.</summary>
    public const string InputsChanged = "forge.inputs-changed";
}
