namespace TriviaNft.Data.Postgres.Players;

/// <summary>What connecting a wallet to a guest did.</summary>
public enum WalletConnectionKind
{
    /// <summary>No player had the stake key: the guest row gained it and is now the connected player.</summary>
    Connected,

    /// <summary>A player already had the stake key: the guest was merged into it and its row deleted.</summary>
    Merged,

    /// <summary>The player already had this stake key: nothing changed (a retried call).</summary>
    AlreadyConnected,
}
