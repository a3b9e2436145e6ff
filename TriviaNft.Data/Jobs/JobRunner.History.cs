using Npgsql;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Jobs;

public sealed partial class JobRunner
{
    // Created by the runner, not by a migration, the way the migrator creates pgmigrations: it is the runner's
    // bookkeeping, not part of the game's schema. The advisory lock keeps two first runners from racing on it.
    private const string CreateHistory = """
        SELECT pg_advisory_xact_lock(hashtextextended('trivianft-job/bookkeeping', 0));
        CREATE TABLE IF NOT EXISTS job_runs (
            id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            job            text        NOT NULL,
            scheduled_for  timestamptz NOT NULL,
            started_at     timestamptz NOT NULL,
            finished_at    timestamptz NOT NULL,
            status         text        NOT NULL CONSTRAINT chk_job_runs_status CHECK (status IN ('succeeded', 'failed')),
            rows_affected  bigint      NOT NULL,
            summary        text        NOT NULL
        );
        CREATE INDEX IF NOT EXISTS idx_job_runs_job ON job_runs (job, scheduled_for DESC) WHERE status = 'succeeded';
        """;

    private bool _historyReady;

    private async Task EnsureHistoryAsync(CancellationToken cancellationToken)
    {
        if (_historyReady)
        {
            return;
        }

        await Db.WriteAsync(_database.Writer, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(CreateHistory, connection, transaction);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        _historyReady = true;
    }

    /// <summary>The run's row, written in the lock's transaction: a run killed before it leaves no row and is due again.</summary>
    private async Task RecordAsync(JobRunResult result, DateTimeOffset startedAt, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO job_runs (job, scheduled_for, started_at, finished_at, status, rows_affected, summary)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue(result.Job);
        command.Parameters.AddWithValue(result.At.ToPostgres());
        command.Parameters.AddWithValue(startedAt.ToPostgres());
        command.Parameters.AddWithValue(_time.GetUtcNow().ToPostgres());
        command.Parameters.AddWithValue(result.Status == JobRunStatus.Succeeded ? "succeeded" : "failed");
        command.Parameters.AddWithValue(result.RowsAffected);
        command.Parameters.AddWithValue(result.Error ?? result.Summary);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<Dictionary<string, DateTimeOffset>> LastSuccessfulRunsAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT job, max(scheduled_for) FROM job_runs WHERE status = 'succeeded' GROUP BY job
            """;
        return Db.ReadAsync(_database.Writer, async connection =>
        {
            var last = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            // A database no job ran on has no history table yet: nothing ran, everything is due.
            await using (var exists = new NpgsqlCommand("SELECT to_regclass('job_runs') IS NOT NULL", connection))
            {
                if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
                {
                    return last;
                }
            }

            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                last[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
            }

            return last;
        }, cancellationToken);
    }
}
