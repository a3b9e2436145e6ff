using Npgsql;
using NpgsqlTypes;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Redis;

/// <summary>Writes leaderboard source rows straight into a test's database, and reads the §9 order back with SQL of its own.</summary>
internal static class LeaderboardSqlData
{
    /// <summary>How a wallet appears in <c>players</c>.</summary>
    public enum Player
    {
        Named,
        Nameless,
        Missing,
    }

    public static async Task<string> CreateSeasonAsync(MigratedDatabase db, DateTimeOffset? startsAt = null)
    {
        var id = TestPlayers.SeasonId();
        var starts = startsAt ?? new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        await db.ScalarAsync<int>("INSERT INTO seasons (id, name, starts_at, ends_at) VALUES ($1, 'Test season', $2, $3) RETURNING 1",
            id, starts, starts.AddMonths(3));
        return id;
    }

    /// <summary>Inserts players (named, nameless or none) and their season_points rows.</summary>
    public static async Task InsertSeasonPointsAsync(MigratedDatabase db, string seasonId, IReadOnlyList<(LeaderboardStanding Standing, Player Player)> rows)
    {
        await InsertPlayersAsync(db, rows.Where(r => r.Player != Player.Missing).Select(r => (r.Standing.StakeKey, r.Player == Player.Named)).ToList());
        await using var connection = new NpgsqlConnection(db.DirectConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO season_points (season_id, stake_key, points, nfts_minted, perfect_scores, avg_answer_ms, sessions_used, first_achieved_at)
            SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::timestamptz[])
            """, connection);
        var standings = rows.Select(r => r.Standing).ToList();
        command.Parameters.Add(new NpgsqlParameter { Value = seasonId });
        command.Parameters.Add(new NpgsqlParameter { Value = standings.Select(s => s.StakeKey).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = standings.Select(s => s.Points).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = standings.Select(s => s.NftsMinted).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = standings.Select(s => s.PerfectScores).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = standings.Select(s => s.AvgAnswerMs).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = standings.Select(s => s.SessionsUsed).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = standings.Select(s => s.FirstAchievedAt).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync();
    }

    public static async Task InsertPlayersAsync(MigratedDatabase db, IReadOnlyList<(string StakeKey, bool Named)> players)
    {
        await using var connection = new NpgsqlConnection(db.DirectConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("INSERT INTO players (stake_key, username) SELECT * FROM unnest($1::text[], $2::text[])", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = players.Select(p => p.StakeKey).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = players.Select(p => p.Named ? "p_" + Guid.NewGuid().ToString("N")[..20] : null).ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The season's shown wallets in the §9 order, written here independently of the code under test.</summary>
    public static async Task<List<LeaderboardStanding>> SqlOrderAsync(MigratedDatabase db, string seasonId)
    {
        await using var connection = new NpgsqlConnection(db.DirectConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT sp.stake_key, sp.points, sp.nfts_minted, sp.perfect_scores, sp.avg_answer_ms, sp.sessions_used, sp.first_achieved_at
            FROM season_points sp JOIN players p ON p.stake_key = sp.stake_key
            WHERE sp.season_id = $1 AND p.username IS NOT NULL
            ORDER BY sp.points DESC, sp.nfts_minted DESC, sp.perfect_scores DESC, sp.avg_answer_ms, sp.sessions_used,
                     sp.first_achieved_at, sp.stake_key COLLATE "C"
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = seasonId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<LeaderboardStanding>();
        while (await reader.ReadAsync())
        {
            rows.Add(new LeaderboardStanding
            {
                StakeKey = reader.GetString(0),
                Points = reader.GetInt32(1),
                NftsMinted = reader.GetInt32(2),
                PerfectScores = reader.GetInt32(3),
                AvgAnswerMs = reader.GetInt32(4),
                SessionsUsed = reader.GetInt32(5),
                FirstAchievedAt = reader.GetFieldValue<DateTimeOffset>(6),
            });
        }

        return rows;
    }
}
