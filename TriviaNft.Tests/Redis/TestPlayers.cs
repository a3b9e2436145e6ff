using TriviaNft.Data.Redis.Sessions;

namespace TriviaNft.Tests.Redis;

/// <summary>Unique ids and data for one test, so tests never share keys.</summary>
internal static class TestPlayers
{
    private const string Bech32 = "023456789acdefghjklmnpqrstuvwxyz";

    /// <summary><paramref name="count"/> distinct candidate questions; question i's correct option is i % 4.</summary>
    public static IReadOnlyList<SessionQuestion> Candidates(int count = 10) =>
        [.. Enumerable.Range(0, count).Select(i => new SessionQuestion(Guid.NewGuid(), i % 4))];

    /// <summary>A start request for a new unique player unless <paramref name="playerId"/> is given.</summary>
    public static SessionStartRequest Start(Guid? playerId = null, bool connected = false, Guid? categoryId = null, int candidates = 10) => new()
    {
        PlayerId = playerId ?? Guid.NewGuid(),
        CategoryId = categoryId ?? Guid.NewGuid(),
        IsConnected = connected,
        Candidates = Candidates(candidates),
    };

    /// <summary>
    /// A random, well-formed stake key: mainnet or testnet, 50 to 60 data characters, so that ties broken by the
    /// stake key exercise '_' against digits and prefixes of different lengths (bytewise order, as Redis compares).
    /// </summary>
    public static string StakeKey(Random? random = null)
    {
        random ??= Random.Shared;
        var prefix = random.Next(2) == 0 ? "stake1" : "stake_test1";
        return prefix + new string([.. Enumerable.Range(0, random.Next(50, 61)).Select(_ => Bech32[random.Next(Bech32.Length)])]);
    }

    /// <summary>A season id no other test uses.</summary>
    public static string SeasonId() => $"t-{Guid.NewGuid():N}";
}
