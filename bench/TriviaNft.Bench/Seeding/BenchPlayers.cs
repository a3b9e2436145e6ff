using System.Globalization;

namespace TriviaNft.Bench.Seeding;

/// <summary>
/// The seeded players have ids derived from their number, so any client — the workload, pgbench's script —
/// can name player n without reading it first. Guests and connected wallets have distinct id prefixes.
/// </summary>
internal static class BenchPlayers
{
    public const string GuestIdPrefix = "00000000-0000-4000-a000-";
    public const string ConnectedIdPrefix = "00000000-0000-4000-b000-";

    public static Guid Guest(long n) => Id(GuestIdPrefix, n);

    public static Guid Connected(long n) => Id(ConnectedIdPrefix, n);

    /// <summary>The SQL expression of the same id, for generate_series and pgbench (<paramref name="number"/> is SQL).</summary>
    public static string IdSql(string prefix, string number) => $"('{prefix}' || lpad(to_hex({number}), 12, '0'))::uuid";

    private static Guid Id(string prefix, long n) => Guid.Parse(prefix + n.ToString("x12", CultureInfo.InvariantCulture));
}
