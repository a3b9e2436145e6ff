using System.Security.Cryptography;
using System.Text;
using TriviaNft.LocalServers;

namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// The folder where the native servers keep what survives a restart: <c>&lt;repo&gt;/.local</c> by default
/// (git-ignored), or <c>LocalEmulation:StateDirectory</c>. One sub-folder per resource, named after it.
/// </summary>
internal sealed class LocalState
{
    // Only a folder holding this marker is ever wiped by --reset, whatever StateDirectory says.
    private const string MarkerFile = ".trivianft-state";

    private LocalState(string root, string? notice)
    {
        Root = root;
        Notice = notice;
    }

    /// <summary>The state folder.</summary>
    public string Root { get; }

    /// <summary>Why the state is not where it was asked to be, if it is not.</summary>
    public string? Notice { get; }

    /// <summary>The libpq password file of the local PostgreSQL superuser.</summary>
    public string PassFile => Path.Combine(Root, "pgpass");

    /// <summary>The folder of one resource.</summary>
    public string For(string resourceName) => Path.Combine(Root, resourceName);

    /// <summary>Resolves, optionally wipes, and creates the state folder.</summary>
    public static LocalState Prepare(LocalEmulationOptions options, string appHostDirectory)
    {
        var requested = Path.GetFullPath(options.StateDirectory ?? Path.Combine(appHostDirectory, "..", ".local"));
        var root = requested;
        string? notice = null;

        // As root, the servers run as the postgres user, who must be able to reach the data folders
        // (a checkout under /root is not reachable). Fall back to a per-checkout folder that is.
        if (!OsUser.CanTraverse(requested))
        {
            var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requested)))[..12];
            root = Path.Combine("/var/tmp/trivianft", key);
            notice = $"The '{OsUser.Postgres}' user cannot reach {requested}; the local state lives in {root} instead.";
        }

        if (options.Reset)
        {
            Wipe(root);
        }

        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, MarkerFile), "State of the TriviaNft local emulation. `--reset` wipes this folder.\n");
        return new LocalState(root, notice);
    }

    private static void Wipe(string root)
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        if (!File.Exists(Path.Combine(root, MarkerFile)) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new LocalEmulationException(
                $"Refusing to reset {root}: it is not a TriviaNft state folder (no {MarkerFile} in it).");
        }

        Directory.Delete(root, recursive: true);
    }
}
