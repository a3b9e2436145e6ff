namespace TriviaNft.Data.Postgres.PlayerNfts;

/// <summary>Whether an owned NFT still exists (stored as lowercase text).</summary>
public enum NftStatus
{
    /// <summary>On chain, held by the wallet.</summary>
    Confirmed,

    /// <summary>Burned by a confirmed forge; the row is kept as history.</summary>
    Burned,
}
