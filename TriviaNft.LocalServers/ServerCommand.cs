namespace TriviaNft.LocalServers;

/// <summary>
/// A program and its arguments, ready to be started by the Aspire orchestrator (as an executable
/// resource) or by the test fixture (as a child process). Keeping it a value lets both hosts share
/// the exact same command line.
/// </summary>
public sealed record ServerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Runs this command as <paramref name="user"/> when the current process is root.</summary>
    /// <remarks>
    /// PostgreSQL refuses to run as root. <c>setpriv</c> execs the target in place (no intermediate
    /// process, unlike <c>runuser</c>), so a stop signal from the orchestrator reaches the server itself.
    /// </remarks>
    public ServerCommand AsUserWhenRoot(string user) =>
        OsUser.IsRoot
            ? new ServerCommand(
                OsUser.SetprivPath,
                [$"--reuid={user}", $"--regid={user}", "--init-groups", FileName, .. Arguments])
            : this;

    /// <inheritdoc />
    public override string ToString() => string.Join(' ', [FileName, .. Arguments]);
}
