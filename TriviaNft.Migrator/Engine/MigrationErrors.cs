namespace TriviaNft.Migrator.Engine;

/// <summary>Base of every error the migrator reports; <see cref="ExitCode"/> is the CLI's contract.</summary>
public abstract class MigrationException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The process exit code that reports this error.</summary>
    public abstract int ExitCode { get; }
}

/// <summary>A migration's SQL failed; its transaction was rolled back. Exit code 1.</summary>
public sealed class MigrationFailedException(string migrationName, string message, Exception? inner = null)
    : MigrationException(message, inner)
{
    /// <summary>The migration that failed.</summary>
    public string MigrationName { get; } = migrationName;

    /// <inheritdoc />
    public override int ExitCode => ExitCodes.MigrationFailed;
}

/// <summary>The database could not be reached or answered with an error outside any migration. Exit code 1.</summary>
public sealed class MigrationDatabaseException(string message, Exception? inner = null) : MigrationException(message, inner)
{
    /// <inheritdoc />
    public override int ExitCode => ExitCodes.MigrationFailed;
}

/// <summary>Bad arguments, connection string or migration files. Exit code 2.</summary>
public sealed class MigrationConfigurationException(string message, Exception? inner = null)
    : MigrationException(message, inner)
{
    /// <inheritdoc />
    public override int ExitCode => ExitCodes.Configuration;
}

/// <summary>Another migrator held the lock longer than the timeout. Exit code 3.</summary>
public sealed class MigrationLockTimeoutException(TimeSpan timeout)
    : MigrationException(
        $"Could not take the migration lock (advisory lock {MigrationLock.Key}) within {timeout.TotalSeconds:0.#} s: "
        + "another migrator (this tool or node-pg-migrate) is running. Retry later or raise --lock-timeout.")
{
    /// <inheritdoc />
    public override int ExitCode => ExitCodes.LockTimeout;
}

/// <summary>The history and the files disagree (missing, out of order, or changed files). Exit code 4.</summary>
public sealed class MigrationVerificationException(IReadOnlyList<string> problems)
    : MigrationException("Migration verification failed:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p)))
{
    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;

    /// <inheritdoc />
    public override int ExitCode => ExitCodes.VerificationFailed;
}

/// <summary>The migrator's exit codes, a contract scripts rely on.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done (or nothing was needed).</summary>
    public const int Ok = 0;

    /// <summary>A migration failed and was rolled back, or the database failed.</summary>
    public const int MigrationFailed = 1;

    /// <summary>Usage or configuration error.</summary>
    public const int Configuration = 2;

    /// <summary>The advisory lock was not acquired in time.</summary>
    public const int LockTimeout = 3;

    /// <summary>Verification of history against files failed.</summary>
    public const int VerificationFailed = 4;
}
