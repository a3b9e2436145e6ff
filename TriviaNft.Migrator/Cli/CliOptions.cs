using System.CommandLine;
using Microsoft.Extensions.Configuration;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Migrator.Cli;

/// <summary>The CLI's options, and how they become <see cref="MigratorOptions"/>.</summary>
internal sealed class CliOptions
{
    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "postgresql:// URL or key=value connection string of the writer (direct, not the proxy). "
            + "Default: ConnectionStrings:trivia-db-admin, then DATABASE_URL.",
        Recursive = true,
    };

    public Option<string?> MigrationsDir { get; } = new("--migrations-dir")
    {
        Description = "Directory of <n>_<name>.sql files. Default: the migrations shipped with the build.",
        Recursive = true,
    };

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Show what would run; change nothing.",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "status: print JSON instead of a table.",
        Recursive = true,
    };

    public Option<double?> LockTimeout { get; } = new("--lock-timeout")
    {
        Description = "Seconds to wait for another migrator's lock (default 60).",
        Recursive = true,
    };

    public Option<int?> Count { get; } = new("--count") { Description = "At most N migrations." };

    public Option<string?> To { get; } = new("--to")
    {
        Description = "up/mark-applied: up to and including NAME. down: roll back everything after NAME.",
    };

    public IEnumerable<Option> Global => [Connection, MigrationsDir, DryRun, Json, LockTimeout];

    public MigrationTarget Target(ParseResult parse) => new(parse.GetValue(Count), parse.GetValue(To));

    public MigratorOptions Runner(ParseResult parse, IConfiguration configuration)
    {
        var lockTimeout = parse.GetValue(LockTimeout) ?? 60;
        if (lockTimeout < 0 || double.IsNaN(lockTimeout))
        {
            throw new MigrationConfigurationException($"--lock-timeout must be zero or more seconds, not {lockTimeout}.");
        }

        return new MigratorOptions
        {
            ConnectionString = MigratorConnection.Resolve(parse.GetValue(Connection), configuration),
            MigrationsDirectory = parse.GetValue(MigrationsDir) ?? MigrationSource.DefaultDirectory,
            LockTimeout = TimeSpan.FromSeconds(lockTimeout),
            DryRun = parse.GetValue(DryRun),
        };
    }
}
