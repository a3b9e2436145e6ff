namespace TriviaNft.Data.Postgres.Eligibilities;

/// <summary>What an eligibility lets the player mint (<c>chk_eligibilities_type</c>).</summary>
public enum EligibilityType
{
    /// <summary>A category NFT, granted by a perfect session in that category.</summary>
    Category,

    /// <summary>A master NFT.</summary>
    Master,

    /// <summary>A seasonal NFT.</summary>
    Season,
}
