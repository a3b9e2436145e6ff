using System.Text.RegularExpressions;
using Npgsql;

namespace TriviaNft.Bench.Comparisons;

/// <summary>
/// Checks the bench's copies of a store's statements (<see cref="StoreSql"/>) against the text PostgreSQL received
/// from the store, as <c>pg_stat_statements</c> (loaded by the stack, track = all) recorded it. Run it after the
/// store ran and before psql ran the copies: afterwards psql's own entries would match them trivially.
/// </summary>
internal static partial class SqlCopyCheck
{
    /// <summary>The copies no recorded statement of the database matches: empty when every copy is current.</summary>
    public static async Task<IReadOnlyList<string>> UnmatchedAsync(string adminConnectionString, IEnumerable<string> copies, CancellationToken cancellationToken)
    {
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!reader.IsDBNull(0))
            {
                recorded.Add(Normalize(reader.GetString(0)));
            }
        }

        return [.. copies.Where(copy => !recorded.Contains(Normalize(copy)))];
    }

    /// <summary>Why the comparison stopped, naming each copy by its start.</summary>
    public static string Describe(IEnumerable<string> unmatched) =>
        "the psql copy of the store's SQL (bench/TriviaNft.Bench/Comparisons/StoreSql.cs) no longer matches what the store sent; copy it again from the store: "
        + string.Join(" / ", unmatched.Select(sql => Normalize(sql) is var text && text.Length > 60 ? text[..60] + "…" : text));

    /// <summary>
    /// The statement with every parameter and constant as <c>?</c> and whitespace collapsed: pg_stat_statements
    /// shows Npgsql's positional parameters and the constants alike as <c>$n</c>, while the copies say <c>@name</c>.
    /// </summary>
    internal static string Normalize(string sql)
    {
        var text = StringLiteral().Replace(sql, "?");
        text = Placeholder().Replace(text, "?");
        text = Number().Replace(text, "?");
        return Whitespace().Replace(text, " ").Trim().TrimEnd(';').Trim();
    }

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\$\d+|@\w+")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b\d+(?:\.\d+)?\b")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
