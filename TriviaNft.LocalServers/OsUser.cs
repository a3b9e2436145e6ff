namespace TriviaNft.LocalServers;

/// <summary>Who we run as, and how to hand files and processes to the service user when that is root.</summary>
public static class OsUser
{
    /// <summary>The account PostgreSQL runs under when we are root (Debian's postgresql package creates it).</summary>
    public const string Postgres = "postgres";

    internal const string SetprivPath = "/usr/bin/setpriv";

    /// <summary>True when the current process runs as uid 0.</summary>
    public static bool IsRoot { get; } = OperatingSystem.IsLinux() && Environment.UserName == "root";

    /// <summary>Gives <paramref name="path"/> (recursively) to <paramref name="user"/> when running as root.</summary>
    public static async Task ChownWhenRootAsync(string path, string user, CancellationToken cancellationToken = default)
    {
        if (!IsRoot)
        {
            return;
        }

        await ProcessRunner.RunAsync(new ServerCommand("chown", ["-R", $"{user}:{user}", path]), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>True when another user (the service account) can reach <paramref name="directory"/>: every parent is traversable.</summary>
    public static bool CanTraverse(string directory)
    {
        if (!IsRoot)
        {
            return true;
        }

        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && (dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
