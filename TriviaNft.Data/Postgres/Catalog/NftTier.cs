namespace TriviaNft.Data.Postgres.Catalog;

/// <summary>The tier of an NFT: what earned it (stored as lowercase text, e.g. <c>ultimate</c>).</summary>
public enum NftTier
{
    /// <summary>A category NFT, minted from a perfect-score eligibility.</summary>
    Category,

    /// <summary>A Category Ultimate, forged from NFTs of one category.</summary>
    Ultimate,

    /// <summary>A Master Ultimate, forged from NFTs of different categories (or minted from a master eligibility).</summary>
    Master,

    /// <summary>A Seasonal Ultimate, forged from a season's NFTs (or minted from a season eligibility).</summary>
    Seasonal,
}
