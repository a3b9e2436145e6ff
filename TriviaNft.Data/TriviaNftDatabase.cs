using Dapper;
using Npgsql;

namespace TriviaNft.Data;

/// <summary>
/// The two PostgreSQL endpoints a store uses: <see cref="Writer"/> for writes and read-your-writes,
/// <see cref="Reader"/> for stale-tolerant reads (leaderboards, catalog stock, history) — design.md §4.
/// One instance per process: the data sources are the connection pools.
/// </summary>
public sealed class TriviaNftDatabase
{
    static TriviaNftDatabase()
    {
        // Columns are snake_case, C# members PascalCase: map player_id to PlayerId everywhere.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // timestamptz <-> DateTimeOffset in UTC, which Npgsql requires for writes.
        SqlMapper.AddTypeHandler(new Internal.UtcDateTimeOffsetHandler());
        // text[] (e.g. a question's options) -> IReadOnlyList<string>.
        SqlMapper.AddTypeHandler(new Internal.StringListHandler());
    }

    /// <summary>Creates the pair; <paramref name="reader"/> may be the writer where no replica exists.</summary>
    public TriviaNftDatabase(NpgsqlDataSource writer, NpgsqlDataSource reader)
    {
        Writer = writer;
        Reader = reader;
    }

    /// <summary>The read/write endpoint (<c>trivia-db</c>).</summary>
    public NpgsqlDataSource Writer { get; }

    /// <summary>The read-only endpoint (<c>trivia-db-reader</c>).</summary>
    public NpgsqlDataSource Reader { get; }
}
