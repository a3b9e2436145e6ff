namespace TriviaNft.Data.Postgres.Mints;

/// <summary>The rules a mint request can break, as reported in <c>Rule</c> of the data exceptions.</summary>
public static class MintRules
{
    /// <summary>The eligibility belongs to another player.</summary>
    public const string EligibilityNotOwned = "mint.eligibility-not-owned";

    /// <summary>The eligibility is used or expired.</summary>
    public const string EligibilityNotActive = "mint.eligibility-not-active";

    /// <summary>The eligibility's window has passed.</summary>
    public const string EligibilityExpired = "mint.eligibility-expired";

    /// <summary>The eligibility already has a pending or confirmed mint.</summary>
    public const string EligibilityHasMint = "mint.eligibility-has-mint";

    /// <summary>Minting needs a connected wallet (the player has no stake key).</summary>
    public const string WalletRequired = "mint.wallet-required";

    /// <summary>No catalog item of the eligibility's category and tier is available.</summary>
    public const string OutOfStock = "catalog.out-of-stock";

    /// <summary>The mint is confirmed, with other details than the ones given.</summary>
    public const string AlreadyConfirmed = "mint.already-confirmed";

    /// <summary>The mint failed; a new attempt starts with <see cref="IMintStore.CreatePendingAsync"/>.</summary>
    public const string AlreadyFailed = "mint.already-failed";

    /// <summary>The mint's catalog item was consumed by another mint while confirming (rolled back).</summary>
    public const string StateChanged = "mint.state-changed";
}
