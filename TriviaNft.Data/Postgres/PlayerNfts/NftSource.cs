namespace TriviaNft.Data.Postgres.PlayerNfts;

/// <summary>How an NFT came to the wallet (stored as lowercase text).</summary>
public enum NftSource
{
    /// <summary>Minted from an eligibility.</summary>
    Mint,

    /// <summary>The output of a forge.</summary>
    Forge,
}
