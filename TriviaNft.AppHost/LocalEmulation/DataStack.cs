namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>
/// What the app's projects use of the DataStack, whichever way it runs: the four connection strings of
/// design.md §1 (<c>WithReference</c> them) and the writer that migrations wait for.
/// </summary>
/// <param name="Db"><c>trivia-db</c>: read/write through the proxy.</param>
/// <param name="DbReader"><c>trivia-db-reader</c>: stale-tolerant reads through the proxy's read-only pool.</param>
/// <param name="DbAdmin"><c>trivia-db-admin</c>: the writer, directly (migrations only).</param>
/// <param name="Cache"><c>trivia-cache</c>: Redis.</param>
/// <param name="Writer">The PostgreSQL writer itself.</param>
internal sealed record DataStack(
    IResourceBuilder<IResourceWithConnectionString> Db,
    IResourceBuilder<IResourceWithConnectionString> DbReader,
    IResourceBuilder<IResourceWithConnectionString> DbAdmin,
    IResourceBuilder<IResourceWithConnectionString> Cache,
    IResourceBuilder<IResource> Writer);
