namespace TriviaNft.Data.Postgres.Players;

/// <summary>The result of <see cref="IPlayerStore.ConnectWalletAsync"/>.</summary>
public sealed record WalletConnection
{
    /// <summary>The connected player the caller continues with (the wallet's row after a merge).</summary>
    public required Player Player { get; init; }

    /// <summary>What happened.</summary>
    public WalletConnectionKind Kind { get; init; }

    /// <summary>The guest's id; after a merge it no longer exists and resolves to nothing.</summary>
    public Guid GuestId { get; init; }

    /// <summary>Sessions moved from the guest to the wallet player (merge only).</summary>
    public int SessionsMoved { get; init; }

    /// <summary>Eligibilities moved from the guest to the wallet player, of any status (merge only).</summary>
    public int EligibilitiesMoved { get; init; }

    /// <summary>Active eligibilities set to expired by the merge: overdue ones, and the loser of a category held on both sides.</summary>
    public int EligibilitiesExpired { get; init; }
}
