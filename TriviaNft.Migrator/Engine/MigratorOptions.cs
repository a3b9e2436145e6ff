namespace TriviaNft.Migrator.Engine;

/// <summary>What every migrator host (CLI, Aspire worker, Lambda) configures.</summary>
public sealed record MigratorOptions
{
    /// <summary>Npgsql key=value or postgresql:// URL of the writer, direct (never through the proxy).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Where the <c>*.sql</c> files are; defaults to the ones shipped with the build.</summary>
    public string MigrationsDirectory { get; init; } = MigrationSource.DefaultDirectory;

    /// <summary>How long to wait for another migrator to finish.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Per-migration command timeout; zero means none (a large index build may take long).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Report what would run, change nothing.</summary>
    public bool DryRun { get; init; }
}

/// <summary>Which migrations an <c>up</c>, <c>down</c> or <c>mark-applied</c> covers.</summary>
/// <param name="Count">At most this many.</param>
/// <param name="To">Up to this migration name (up: inclusive; down: the ones after it).</param>
public sealed record MigrationTarget(int? Count = null, string? To = null)
{
    /// <summary>Every pending migration (up) — or, for down, one.</summary>
    public static MigrationTarget Default { get; } = new();
}

/// <summary>What a run did.</summary>
/// <param name="Names">The migrations applied, rolled back or marked, in order.</param>
/// <param name="Total">How many migration files exist.</param>
/// <param name="DryRun">True when nothing was changed.</param>
public sealed record MigrationResult(IReadOnlyList<string> Names, int Total, bool DryRun);

/// <summary>Direction of a step, for progress and spans.</summary>
public enum MigrationDirection
{
    /// <summary>Apply.</summary>
    Up,

    /// <summary>Roll back.</summary>
    Down,

    /// <summary>Record as applied without running.</summary>
    MarkApplied,
}

/// <summary>One finished step, reported as it happens.</summary>
public sealed record MigrationProgress(MigrationDirection Direction, string Name, TimeSpan Duration, bool DryRun);
