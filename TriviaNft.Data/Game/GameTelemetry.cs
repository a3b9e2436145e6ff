using System.Diagnostics.Metrics;

namespace TriviaNft.Data.Game;

/// <summary>The game façade's metrics (the service defaults export every <c>TriviaNft.*</c> meter).</summary>
public static class GameTelemetry
{
    /// <summary>The meter's name.</summary>
    public const string Name = "TriviaNft.Game";

    private static readonly Meter Meter = new(Name);

    /// <summary>Wallet sessions recorded while no season took points (an alarm watches it: it should stay 0).</summary>
    internal static readonly Counter<long> UnseasonedSessions = Meter.CreateCounter<long>(
        "trivianft.sessions.unseasoned", description: "Wallet sessions recorded while no season took points.");
}
