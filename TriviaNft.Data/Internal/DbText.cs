namespace TriviaNft.Data.Internal;

/// <summary>
/// The text a C# enum is stored as: its name in lowercase (<c>NftTier.Seasonal</c> → <c>seasonal</c>). Enums
/// are passed as text explicitly because Dapper would otherwise send their numeric value; reading back, Dapper
/// parses the text into the enum ignoring case.
/// </summary>
internal static class DbText
{
    public static string Of<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
