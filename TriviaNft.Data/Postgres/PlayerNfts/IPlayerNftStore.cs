namespace TriviaNft.Data.Postgres.PlayerNfts;

/// <summary>Reads the NFTs wallets hold. They are written by the mint and forge stores.</summary>
public interface IPlayerNftStore
{
    /// <summary>
    /// A page of <paramref name="stakeKey"/>'s NFTs, newest first, filtered by <paramref name="query"/> (from the
    /// reader: a collection view tolerates a few seconds of lag).
    /// </summary>
    /// <exception cref="Errors.DataValidationException">The stake key, a filter or the page is malformed.</exception>
    Task<IReadOnlyList<PlayerNft>> ListAsync(string stakeKey, PlayerNftQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>The NFT with <paramref name="assetFingerprint"/> (from the writer: read-your-writes).</summary>
    /// <exception cref="Errors.DataNotFoundException">No NFT has that fingerprint.</exception>
    /// <exception cref="Errors.DataValidationException">The fingerprint is malformed.</exception>
    Task<PlayerNft> GetAsync(string assetFingerprint, CancellationToken cancellationToken = default);
}
