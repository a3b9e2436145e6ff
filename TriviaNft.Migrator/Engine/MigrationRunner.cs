using System.Diagnostics;
using Npgsql;
using TriviaNft.Data.Configuration;

namespace TriviaNft.Migrator.Engine;

/// <summary>
/// Applies, rolls back and inspects migrations. Every host (CLI, Aspire worker, Lambda) goes through this
/// class, so they behave the same: verify first, hold the advisory lock while changing anything, one
/// transaction per migration with its history row.
/// </summary>
public sealed partial class MigrationRunner(MigratorOptions options, Action<MigrationProgress>? progress = null)
{
    /// <summary>The ActivitySource of the migrator: one span per run and one per migration.</summary>
    public static readonly ActivitySource ActivitySource = new("TriviaNft.Migrator");

    /// <summary>Applies pending migrations (all, or as <paramref name="target"/> limits).</summary>
    public Task<MigrationResult> UpAsync(MigrationTarget target, CancellationToken cancellationToken = default) =>
        ChangeAsync("up", target, (files, applied) => PlanUp(files, applied, target), MigrationDirection.Up, cancellationToken);

    /// <summary>Rolls back applied migrations, newest first (one by default).</summary>
    public Task<MigrationResult> DownAsync(MigrationTarget target, CancellationToken cancellationToken = default) =>
        ChangeAsync("down", target, (files, applied) => PlanDown(files, applied, target), MigrationDirection.Down, cancellationToken);

    /// <summary>Records pending migrations as applied without running them, to adopt an existing database.</summary>
    public Task<MigrationResult> MarkAppliedAsync(MigrationTarget target, CancellationToken cancellationToken = default) =>
        ChangeAsync("mark-applied", target, (files, applied) => PlanUp(files, applied, target), MigrationDirection.MarkApplied, cancellationToken);

    /// <summary>Rolls back the last <paramref name="count"/> migrations and applies them again.</summary>
    public async Task<MigrationResult> RedoAsync(int count, CancellationToken cancellationToken = default)
    {
        var down = await DownAsync(new MigrationTarget(Count: count), cancellationToken).ConfigureAwait(false);
        var up = await UpAsync(new MigrationTarget(Count: down.Names.Count), cancellationToken).ConfigureAwait(false);
        return up with { Names = [.. down.Names, .. up.Names] };
    }

    /// <summary>Every migration with its state; never changes the database.</summary>
    public async Task<IReadOnlyList<MigrationStatusEntry>> StatusAsync(CancellationToken cancellationToken = default)
    {
        var files = MigrationSource.Load(options.MigrationsDirectory);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var applied = await MigrationHistory.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        return MigrationStatusCalculator.Compare(files, applied);
    }

    /// <summary>Fails when an applied file is missing or changed, or a pending one precedes an applied one.</summary>
    /// <exception cref="MigrationVerificationException">With every problem found.</exception>
    public async Task VerifyAsync(CancellationToken cancellationToken = default) =>
        ThrowOnProblems(await StatusAsync(cancellationToken).ConfigureAwait(false));

    private async Task<MigrationResult> ChangeAsync(
        string command,
        MigrationTarget target,
        Func<IReadOnlyList<Migration>, IReadOnlyList<AppliedMigration>, IReadOnlyList<Migration>> plan,
        MigrationDirection direction,
        CancellationToken cancellationToken)
    {
        ValidateTarget(target);
        var files = MigrationSource.Load(options.MigrationsDirectory);
        using var activity = ActivitySource.StartActivity($"migrate {command}");
        activity?.SetTag("db.system.name", "postgresql");
        activity?.SetTag("migrations.total", files.Count);

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (options.DryRun)
        {
            var preview = await PlanAsync(connection, files, plan, cancellationToken).ConfigureAwait(false);
            foreach (var migration in preview)
            {
                progress?.Invoke(new MigrationProgress(direction, migration.Name, TimeSpan.Zero, DryRun: true));
            }

            return new MigrationResult([.. preview.Select(m => m.Name)], files.Count, DryRun: true);
        }

        await MigrationLock.AcquireAsync(connection, options.LockTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            await MigrationHistory.EnsureAsync(connection, cancellationToken).ConfigureAwait(false);
            // Planned only now, under the lock: a migrator that waited sees what the previous one applied.
            var steps = await PlanAsync(connection, files, plan, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("migrations.planned", steps.Count);
            foreach (var migration in steps)
            {
                await RunStepAsync(connection, migration, direction, cancellationToken).ConfigureAwait(false);
            }

            return new MigrationResult([.. steps.Select(m => m.Name)], files.Count, DryRun: false);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            await MigrationLock.ReleaseAsync(connection).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<Migration>> PlanAsync(
        NpgsqlConnection connection,
        IReadOnlyList<Migration> files,
        Func<IReadOnlyList<Migration>, IReadOnlyList<AppliedMigration>, IReadOnlyList<Migration>> plan,
        CancellationToken cancellationToken)
    {
        var applied = await MigrationHistory.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        ThrowOnProblems(MigrationStatusCalculator.Compare(files, applied));
        return plan(files, applied);
    }

    private static void ThrowOnProblems(IReadOnlyList<MigrationStatusEntry> entries)
    {
        var problems = entries.Where(e => e.Problem is not null).Select(e => e.Problem!).ToList();
        if (problems.Count > 0)
        {
            throw new MigrationVerificationException(problems);
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = PostgresConnectionStrings.Parse(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new MigrationConfigurationException(ex.Message, ex);
        }

        // One dedicated session: the advisory lock belongs to it, so it must not come from a shared pool.
        builder.Pooling = false;
        builder.ApplicationName ??= "trivianft-migrator";
        // Lets a failure name the statement of the batch that failed, so it maps back to a line of the file.
        builder.IncludeFailedBatchedCommand = true;
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new MigrationDatabaseException(
                $"Could not connect to PostgreSQL at {builder.Host}:{builder.Port}, database '{builder.Database}', "
                + $"user '{builder.Username}': {Describe(ex)}", ex);
        }
    }
}
