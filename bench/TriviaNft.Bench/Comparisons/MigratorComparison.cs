using System.Diagnostics;
using Npgsql;
using TriviaNft.Bench.Seeding;
using TriviaNft.Bench.Stack;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Bench.Comparisons;

/// <summary>
/// The migrator's figures: fresh apply against psql, the no-op run in process, and the no-op as a new process
/// (<c>dotnet TriviaNft.Migrator.dll up</c>; null when the migrator's build was not found).
/// </summary>
internal sealed record MigratorFigures(TimeSpan FreshApply, TimeSpan Psql, TimeSpan NoOp, TimeSpan? CliNoOp, int Migrations)
{
    public double Ratio => FreshApply / Psql;
}

/// <summary>
/// The migrator (<see cref="MigrationRunner"/>, in process) applying every migration to an empty database,
/// against <c>psql -1 -f</c> of the same up sections into another empty database; then the migrator again on
/// the migrated database, which has nothing to do (the AppHost runs it at every start).
/// </summary>
internal static class MigratorComparison
{
    public static async Task<MigratorFigures> RunAsync(LocalStack stack, CancellationToken cancellationToken)
    {
        var ours = await CreateDatabaseAsync(stack, "bench_migrator", cancellationToken).ConfigureAwait(false);
        var psql = await CreateDatabaseAsync(stack, "bench_psql", cancellationToken).ConfigureAwait(false);
        var migrations = MigrationSource.Load(MigrationSource.DefaultDirectory);

        var started = Stopwatch.GetTimestamp();
        await new MigrationRunner(new MigratorOptions { ConnectionString = ours }).UpAsync(MigrationTarget.Default, cancellationToken).ConfigureAwait(false);
        var fresh = Stopwatch.GetElapsedTime(started);

        List<string> arguments = ["-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", stack.PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", "bench_psql"];
        foreach (var migration in migrations)
        {
            var file = Path.Combine(stack.Root, $"{migration.Name}.up.sql");
            await File.WriteAllTextAsync(file, migration.Up.Sql, cancellationToken).ConfigureAwait(false);
            arguments.AddRange(["-f", file]);
        }

        var (_, psqlElapsed) = await ToolRunner.RunAsync(ToolRunner.Postgres("psql"), arguments,
            new Dictionary<string, string> { ["PGPASSWORD"] = stack.Password }, cancellationToken).ConfigureAwait(false);

        started = Stopwatch.GetTimestamp();
        await new MigrationRunner(new MigratorOptions { ConnectionString = ours }).UpAsync(MigrationTarget.Default, cancellationToken).ConfigureAwait(false);
        var noOp = Stopwatch.GetElapsedTime(started);

        return new MigratorFigures(fresh, psqlElapsed, noOp, await CliNoOpAsync(ours, cancellationToken).ConfigureAwait(false), migrations.Count);
    }

    /// <summary>The no-op as the AppHost or CI runs it: a new process, .NET start-up included.</summary>
    private static async Task<TimeSpan?> CliNoOpAsync(string connectionString, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TriviaNft.Migrator.dll");
        if (!File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
        {
            return null;
        }

        var (_, elapsed) = await ToolRunner.RunAsync("dotnet", [dll, "up"],
            new Dictionary<string, string> { ["DATABASE_URL"] = connectionString }, cancellationToken).ConfigureAwait(false);
        return elapsed;
    }

    private static async Task<string> CreateDatabaseAsync(LocalStack stack, string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(stack.AdminConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await Seeder.ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {name}", cancellationToken).ConfigureAwait(false);
        await Seeder.ExecuteAsync(connection, $"CREATE DATABASE {name}", cancellationToken).ConfigureAwait(false);
        return stack.AdminConnectionString(name);
    }
}
