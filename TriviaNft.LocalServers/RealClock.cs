namespace TriviaNft.LocalServers;

/// <summary>
/// Keeps programs that cannot run under libfaketime on the real clock when a test run shifts time
/// (<c>./scripts/test.sh --shift</c>, which runs the tests under <c>faketime</c>; its <c>LD_PRELOAD</c> and
/// <c>FAKETIME*</c> variables reach every child process).
/// </summary>
/// <remarks>
/// Redis (<c>redis-server</c>, <c>redis-cli</c>) hangs at start under libfaketime: jemalloc reads the clock while
/// libfaketime is still initialising, and the two recurse. Its clock is never the source of a date here (the data
/// layer gives Redis relative TTLs and computes every instant in .NET), so it may run unshifted. PostgreSQL and its
/// tools (initdb, pg_basebackup, psql, pg_dump) and PgBouncer run fine under libfaketime and keep the shifted clock:
/// SQL <c>now()</c> must move with the tests' clock.
/// </remarks>
public static class RealClock
{
    private const string Preload = "LD_PRELOAD";

    /// <summary>True for the programs that must not inherit libfaketime: the Redis binaries.</summary>
    public static bool IsNeededBy(string fileName) => Path.GetFileName(fileName).StartsWith("redis-", StringComparison.Ordinal);

    /// <summary>
    /// Removes libfaketime from <paramref name="environment"/> (a child's environment) when <paramref name="fileName"/>
    /// needs the real clock: the <c>FAKETIME*</c> variables, and libfaketime's entries of <c>LD_PRELOAD</c> (any other
    /// preloaded library stays).
    /// </summary>
    public static void Apply(string fileName, IDictionary<string, string?> environment)
    {
        if (!IsNeededBy(fileName))
        {
            return;
        }

        foreach (var key in environment.Keys.Where(k => k.StartsWith("FAKETIME", StringComparison.Ordinal)).ToList())
        {
            environment.Remove(key);
        }

        if (environment.TryGetValue(Preload, out var preload) && preload is not null)
        {
            // ld.so separates LD_PRELOAD entries by colons or spaces.
            var kept = preload.Split([':', ' '], StringSplitOptions.RemoveEmptyEntries)
                .Where(library => !library.Contains("libfaketime", StringComparison.Ordinal));
            var rest = string.Join(':', kept);
            if (rest.Length == 0)
            {
                environment.Remove(Preload);
            }
            else
            {
                environment[Preload] = rest;
            }
        }
    }
}
