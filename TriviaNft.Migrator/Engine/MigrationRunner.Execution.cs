using System.Diagnostics;
using Npgsql;

namespace TriviaNft.Migrator.Engine;

public sealed partial class MigrationRunner
{
    private async Task RunStepAsync(
        NpgsqlConnection connection, Migration migration, MigrationDirection direction, CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity($"migration {migration.Name}");
        activity?.SetTag("migration.name", migration.Name);
        activity?.SetTag("migration.direction", direction.ToString().ToLowerInvariant());
        activity?.SetTag("migration.transactional", migration.UseTransaction);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            switch (direction)
            {
                case MigrationDirection.MarkApplied:
                    await ExecuteAsync(connection, migration, migration.Up, [], MigrationHistory.Insert(migration), true, cancellationToken).ConfigureAwait(false);
                    break;
                case MigrationDirection.Up:
                    await ExecuteAsync(connection, migration, migration.Up, Statements(migration.Up), MigrationHistory.Insert(migration), migration.UseTransaction, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await ExecuteAsync(connection, migration, migration.Down!, Statements(migration.Down!), MigrationHistory.Delete(migration), migration.UseTransaction, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }

        progress?.Invoke(new MigrationProgress(direction, migration.Name, stopwatch.Elapsed, DryRun: false));
    }

    private static IReadOnlyList<SqlStatement> Statements(MigrationSection section) => SqlStatementSplitter.Split(section.Sql);

    /// <summary>
    /// Transactional: the statements and the history row go as one batch in one transaction, one round trip.
    /// No-transaction: statement by statement in autocommit, then the history row.
    /// </summary>
    private async Task ExecuteAsync(
        NpgsqlConnection connection,
        Migration migration,
        MigrationSection section,
        IReadOnlyList<SqlStatement> statements,
        NpgsqlBatchCommand history,
        bool inTransaction,
        CancellationToken cancellationToken)
    {
        var timeout = (int)options.CommandTimeout.TotalSeconds;
        if (inTransaction)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection, transaction) { Timeout = timeout };
            foreach (var statement in statements)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(statement.Sql));
            }

            batch.BatchCommands.Add(history);
            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex)
            {
                var index = ex.BatchCommand is null ? -1 : batch.BatchCommands.IndexOf(ex.BatchCommand);
                throw Failure(migration, section, statements, index, ex, rolledBack: true);
            }

            return;
        }

        for (var i = 0; i < statements.Count; i++)
        {
            await using var command = new NpgsqlCommand(statements[i].Sql, connection) { CommandTimeout = timeout };
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex)
            {
                throw Failure(migration, section, statements, i, ex, rolledBack: false);
            }
        }

        await using var record = new NpgsqlBatch(connection) { BatchCommands = { history } };
        await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
