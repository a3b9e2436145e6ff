namespace TriviaNft.Data.Postgres.Forging;

/// <summary>What a forge makes (stored as lowercase text).</summary>
public enum ForgeType
{
    /// <summary>A Category Ultimate from NFTs of one category.</summary>
    Category,

    /// <summary>A Master Ultimate from one NFT of each of several different categories.</summary>
    Master,

    /// <summary>A Seasonal Ultimate from NFTs of every active category earned during a season.</summary>
    Season,
}
