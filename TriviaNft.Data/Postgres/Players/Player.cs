namespace TriviaNft.Data.Postgres.Players;

/// <summary>A player: a guest (<see cref="AnonId"/> only) or wallet-connected (<see cref="StakeKey"/> set).</summary>
public sealed record Player
{
    /// <summary>The player's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The connected wallet's stake key; null for a guest.</summary>
    public string? StakeKey { get; init; }

    /// <summary>The guest id of the device that created or last connected this player; may be null for a wallet player.</summary>
    public string? AnonId { get; init; }

    /// <summary>Unique display name; players without one are not shown on leaderboards.</summary>
    public string? Username { get; init; }

    /// <summary>Contact address, optional.</summary>
    public string? Email { get; init; }

    /// <summary>Last activity; drives the guest retention purge.</summary>
    public DateTimeOffset LastSeenAt { get; init; }

    /// <summary>When the player was first seen.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>True when a wallet is connected: season points, the connected daily limit and 60-minute eligibilities apply.</summary>
    public bool IsConnected => StakeKey is not null;
}
