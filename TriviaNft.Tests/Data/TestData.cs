using System.Security.Cryptography;

namespace TriviaNft.Tests.Data;

/// <summary>Unique, valid test values: every test builds its own, so tests never share rows.</summary>
internal static class TestData
{
    /// <summary>A testnet stake key: "stake_test1" + 53 lowercase alphanumerics, unique per call.</summary>
    public static string StakeKey() => "stake_test1" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(27))[..53];

    /// <summary>A guest id, unique per call.</summary>
    public static string AnonId() => $"guest-{Guid.NewGuid():N}";

    /// <summary>A username, unique per call (3..50 of [a-zA-Z0-9_-]).</summary>
    public static string Username() => $"user_{Guid.NewGuid():N}"[..20];
}
