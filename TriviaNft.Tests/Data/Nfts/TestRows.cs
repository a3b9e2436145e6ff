using System.Security.Cryptography;
using Npgsql;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Data.Nfts;

/// <summary>
/// Prerequisite rows for the NFT-side store tests, inserted with plain SQL directly (not through the stores
/// under test), and valid random values in the schema's formats. Every value is unique per call.
/// </summary>
internal static partial class TestRows
{
    /// <summary>Every table of the schema, for "nothing changed" checks.</summary>
    public static readonly string[] Tables =
    [
        "players", "categories", "questions", "question_flags", "sessions", "seasons", "eligibilities",
        "nft_catalog", "mints", "player_nfts", "forge_operations", "season_points", "leaderboard_snapshots",
    ];

    public static string StakeKey() => "stake_test1" + Random("0123456789abcdefghijklmnopqrstuvwxyz", 53);

    public static string Fingerprint() => "asset1" + Random("0123456789abcdefghijklmnopqrstuvwxyz", 38);

    public static string TxHash() => Random("0123456789abcdef", 64);

    public static string PolicyId() => Random("0123456789abcdef", 56);

    public static string Username() => "u_" + Random("0123456789abcdefghijklmnopqrstuvwxyz", 16);

    public static string Random(string alphabet, int length) => RandomNumberGenerator.GetString(alphabet, length);

    public static async Task<Dictionary<string, long>> CountAllAsync(this MigratedDatabase db)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            counts[table] = await db.CountAsync(table);
        }

        return counts;
    }

    /// <summary>Runs <paramref name="act"/>, expects <typeparamref name="TException"/>, and checks no table changed.</summary>
    public static async Task<TException> ThrowsWithoutWritingAsync<TException>(this MigratedDatabase db, Func<Task> act)
        where TException : Exception
    {
        var before = await db.CountAllAsync();
        var error = await Assert.ThrowsAsync<TException>(act);
        Assert.Equal(before, await db.CountAllAsync());
        return error;
    }

    /// <summary>Runs <paramref name="act"/>, which must succeed without changing any row count.</summary>
    public static async Task<T> WritesNothingAsync<T>(this MigratedDatabase db, Func<Task<T>> act)
    {
        var before = await db.CountAllAsync();
        var result = await act();
        Assert.Equal(before, await db.CountAllAsync());
        return result;
    }

    public static async Task ExecuteAsync(this MigratedDatabase db, string sql, params object?[] parameters)
    {
        await using var connection = new NpgsqlConnection(db.DirectConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
