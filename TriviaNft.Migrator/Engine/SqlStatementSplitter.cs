namespace TriviaNft.Migrator.Engine;

/// <summary>
/// Splits a SQL script into statements at top-level semicolons, aware of quotes, dollar quotes and
/// comments. We split ourselves so that (1) a transactional migration goes to the server as one batch in
/// one round trip, (2) a failing statement's position maps back to a line of the file, and (3) a
/// no-transaction migration can run <c>CREATE INDEX CONCURRENTLY</c> one statement at a time.
/// </summary>
public static class SqlStatementSplitter
{
    /// <summary>The statements of <paramref name="sql"/>, each with its offset in <paramref name="sql"/>; comment-only parts are dropped.</summary>
    public static IReadOnlyList<SqlStatement> Split(string sql)
    {
        var statements = new List<SqlStatement>();
        var start = 0;
        var hasCode = false;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '-' && Next(sql, i) == '-')
            {
                i = SkipPast(sql, i + 2, "\n");
            }
            else if (c == '/' && Next(sql, i) == '*')
            {
                i = SkipBlockComment(sql, i);
            }
            else if (c == '\'')
            {
                hasCode = true;
                i = SkipQuoted(sql, i, '\'', backslashEscapes: IsEscapeString(sql, i));
            }
            else if (c == '"')
            {
                hasCode = true;
                i = SkipQuoted(sql, i, '"', backslashEscapes: false);
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                hasCode = true;
                i = SkipPast(sql, i + tag.Length, tag);
            }
            else if (c == ';')
            {
                Add(statements, sql, start, i, hasCode);
                start = i + 1;
                hasCode = false;
                i++;
            }
            else
            {
                hasCode |= !char.IsWhiteSpace(c);
                i++;
            }
        }

        Add(statements, sql, start, sql.Length, hasCode);
        return statements;
    }

    private static void Add(List<SqlStatement> statements, string sql, int start, int end, bool hasCode)
    {
        if (!hasCode)
        {
            return;
        }

        while (start < end && char.IsWhiteSpace(sql[start]))
        {
            start++;
        }

        statements.Add(new SqlStatement(sql[start..end].TrimEnd(), start));
    }

    private static char Next(string sql, int i) => i + 1 < sql.Length ? sql[i + 1] : '\0';

    private static int SkipPast(string sql, int searchFrom, string terminator)
    {
        var end = searchFrom >= sql.Length ? -1 : sql.IndexOf(terminator, searchFrom, StringComparison.Ordinal);
        return end < 0 ? sql.Length : end + terminator.Length;
    }

    private static int SkipBlockComment(string sql, int i)
    {
        // PostgreSQL block comments nest.
        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && Next(sql, i) == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && Next(sql, i) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static int SkipQuoted(string sql, int i, char quote, bool backslashEscapes)
    {
        i++;
        while (i < sql.Length)
        {
            if (backslashEscapes && sql[i] == '\\')
            {
                i += 2;
            }
            else if (sql[i] == quote)
            {
                if (Next(sql, i) != quote)
                {
                    return i + 1;
                }

                i += 2;
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static bool IsEscapeString(string sql, int quote) =>
        quote > 0 && sql[quote - 1] is 'E' or 'e' && (quote == 1 || !IsIdentifierChar(sql[quote - 2]));

    /// <summary>The opening <c>$tag$</c> at <paramref name="i"/>, or null when this <c>$</c> is not one (e.g. <c>$1</c>).</summary>
    private static string? DollarTag(string sql, int i)
    {
        if (i > 0 && IsIdentifierChar(sql[i - 1]))
        {
            return null;
        }

        var j = i + 1;
        if (j < sql.Length && char.IsDigit(sql[j]))
        {
            return null;
        }

        while (j < sql.Length && IsIdentifierChar(sql[j]))
        {
            j++;
        }

        return j < sql.Length && sql[j] == '$' ? sql[i..(j + 1)] : null;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}

/// <summary>One statement of a script and the offset of its first character.</summary>
public sealed record SqlStatement(string Sql, int Offset);
