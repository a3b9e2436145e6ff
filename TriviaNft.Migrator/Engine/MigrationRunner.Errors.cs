using System.Text;
using Npgsql;

namespace TriviaNft.Migrator.Engine;

public sealed partial class MigrationRunner
{
    /// <summary>
    /// Names the file and the line, and quotes PostgreSQL (SQLSTATE, message, position, detail, hint) —
    /// the position is mapped from the statement back to the file, which is what a person can open.
    /// </summary>
    private static MigrationFailedException Failure(
        Migration migration,
        MigrationSection section,
        IReadOnlyList<SqlStatement> statements,
        int statementIndex,
        PostgresException ex,
        bool rolledBack)
    {
        var message = new StringBuilder($"{migration.FileName}");
        if (statementIndex >= 0 && statementIndex < statements.Count)
        {
            var statement = statements[statementIndex];
            var offset = section.Offset + statement.Offset + Math.Max(0, ex.Position - 1);
            var (line, column) = MigrationSource.LineAndColumn(migration.FilePath, offset);
            message.Append($" (line {line}, column {column}; statement {statementIndex + 1} of {statements.Count})");
        }

        message.Append($": {ex.SqlState}: {ex.MessageText}");
        if (ex.Position > 0)
        {
            message.Append($" at position {ex.Position}");
        }

        if (!string.IsNullOrEmpty(ex.Detail))
        {
            message.Append($". Detail: {ex.Detail}");
        }

        if (!string.IsNullOrEmpty(ex.Hint))
        {
            message.Append($". Hint: {ex.Hint}");
        }

        message.Append(rolledBack
            ? $". The migration was rolled back; {MigrationHistory.Table} is unchanged."
            : $". It runs without a transaction ({MigrationSource.NoTransactionMarker}): statements before this one stay applied; {MigrationHistory.Table} is unchanged.");
        return new MigrationFailedException(migration.Name, message.ToString(), ex);
    }

    private static string Describe(Exception ex) => ex switch
    {
        PostgresException pg => $"{pg.SqlState}: {pg.MessageText}",
        _ when ex.InnerException is { } inner => $"{ex.Message} ({inner.Message})",
        _ => ex.Message,
    };
}
