namespace TriviaNft.Data.Postgres.Eligibilities;

/// <summary>An eligibility's state (<c>chk_eligibilities_status</c>): active, then used or expired, never back.</summary>
public enum EligibilityStatus
{
    /// <summary>Can be used until <see cref="Eligibility.ExpiresAt"/>; past it, it only waits to be expired.</summary>
    Active,

    /// <summary>Spent on a mint (<see cref="Eligibility.UsedAt"/> set).</summary>
    Used,

    /// <summary>Its window passed (or a merge kept the player's other grant for the category).</summary>
    Expired,
}
