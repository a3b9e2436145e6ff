namespace TriviaNft.LocalServers;

/// <summary>
/// Finds the native server binaries, or fails with one message that says which package to install and
/// which README command installs everything.
/// </summary>
public static class ServerBinaries
{
    /// <summary>The README command that installs every missing prerequisite.</summary>
    public const string InstallCommand = "./scripts/install-prerequisites.sh";

    /// <summary>The PostgreSQL major version the stack emulates (Aurora PostgreSQL 15.4).</summary>
    public const int PostgresMajorVersion = 15;

    /// <summary>An explicit PostgreSQL 15 bin directory; when set, it is the only place looked at.</summary>
    public const string PostgresBinVariable = "TRIVIANFT_PG_BIN";

    /// <summary>The directory holding <c>postgres</c>, <c>initdb</c>, <c>pg_basebackup</c> for PostgreSQL 15.</summary>
    /// <exception cref="MissingServerBinaryException">PostgreSQL 15 is not installed (or not where <see cref="PostgresBinVariable"/> says).</exception>
    public static string PostgresBinDirectory()
    {
        var overridden = Environment.GetEnvironmentVariable(PostgresBinVariable);
        string[] candidates = string.IsNullOrEmpty(overridden)
            ?
            [
                $"/usr/lib/postgresql/{PostgresMajorVersion}/bin",
                $"/opt/homebrew/opt/postgresql@{PostgresMajorVersion}/bin",
                $"/usr/local/opt/postgresql@{PostgresMajorVersion}/bin",
                $"/usr/pgsql-{PostgresMajorVersion}/bin",
            ]
            : [overridden];

        return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "postgres")))
            ?? throw new MissingServerBinaryException(
                "postgres", $"postgresql-{PostgresMajorVersion}", $"postgresql@{PostgresMajorVersion}");
    }

    /// <summary>Full path of a PostgreSQL 15 program such as <c>initdb</c> or <c>pg_basebackup</c>.</summary>
    public static string Postgres(string program) => Path.Combine(PostgresBinDirectory(), program);

    /// <summary>Finds <paramref name="program"/> on the PATH (and the usual sbin folders), or fails clearly.</summary>
    public static string OnPath(string program, string debianPackage, string homebrewFormula)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        string[] extra = ["/usr/sbin", "/usr/local/sbin", "/usr/bin", "/opt/homebrew/bin"];
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Concat(extra)
                .Select(dir => Path.Combine(dir, program))
                .FirstOrDefault(File.Exists)
            ?? throw new MissingServerBinaryException(program, debianPackage, homebrewFormula);
    }
}

/// <summary>A native server program the local emulation needs is not installed.</summary>
public sealed class MissingServerBinaryException(string program, string debianPackage, string homebrewFormula)
    : Exception(
        $"'{program}' was not found. Install it with `{ServerBinaries.InstallCommand}` "
        + $"(Debian/Ubuntu package '{debianPackage}', Homebrew formula '{homebrewFormula}').")
{
    /// <summary>The program that is missing.</summary>
    public string Program { get; } = program;
}
