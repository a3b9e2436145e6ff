namespace TriviaNft.Migrator.Engine;

/// <summary>Whether a migration has run.</summary>
public enum MigrationState
{
    /// <summary>Not yet applied.</summary>
    Pending,

    /// <summary>Recorded in <c>pgmigrations</c>.</summary>
    Applied,
}

/// <summary>How the recorded checksum compares with the file on disk.</summary>
public enum ChecksumState
{
    /// <summary>Pending migrations have no recorded checksum.</summary>
    NotApplicable,

    /// <summary>The file is unchanged since it was applied.</summary>
    Match,

    /// <summary>The file was edited after it was applied.</summary>
    Changed,

    /// <summary>Applied by a tool that records no checksum (node-pg-migrate) or by an older version.</summary>
    Unrecorded,

    /// <summary>Applied, but the file is no longer on disk.</summary>
    MissingFile,
}

/// <summary>One line of <c>status</c>.</summary>
public sealed record MigrationStatusEntry(
    string Name,
    MigrationState State,
    DateTime? RunOn,
    ChecksumState Checksum,
    string? Problem);

/// <summary>Compares the files on disk with the history: the basis of status, verify and every plan.</summary>
public static class MigrationStatusCalculator
{
    /// <summary>One entry per file (in file order) and per applied migration whose file is missing.</summary>
    public static IReadOnlyList<MigrationStatusEntry> Compare(
        IReadOnlyList<Migration> files, IReadOnlyList<AppliedMigration> applied)
    {
        var appliedByName = applied.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var fileNames = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var lastAppliedNumber = files.Where(f => appliedByName.ContainsKey(f.Name)).Select(f => (long?)f.Number).Max();
        var lastApplied = files.LastOrDefault(f => f.Number == lastAppliedNumber);

        var entries = new List<MigrationStatusEntry>();
        foreach (var file in files)
        {
            if (appliedByName.TryGetValue(file.Name, out var row))
            {
                var checksum = row.Checksum is null ? ChecksumState.Unrecorded
                    : row.Checksum == file.Checksum ? ChecksumState.Match
                    : ChecksumState.Changed;
                var problem = checksum == ChecksumState.Changed
                    ? $"{file.FileName} was changed after it was applied on {row.RunOn:u} (recorded sha256 {row.Checksum![..12]}…, file now {file.Checksum[..12]}…)."
                    : null;
                entries.Add(new MigrationStatusEntry(file.Name, MigrationState.Applied, row.RunOn, checksum, problem));
            }
            else
            {
                var problem = lastApplied is not null && file.Number < lastApplied.Number
                    ? $"{file.FileName} is not applied but comes before {lastApplied.Name}, which is: renumber it after the last applied migration."
                    : null;
                entries.Add(new MigrationStatusEntry(file.Name, MigrationState.Pending, null, ChecksumState.NotApplicable, problem));
            }
        }

        entries.AddRange(applied
            .Where(a => !fileNames.Contains(a.Name))
            .Select(a => new MigrationStatusEntry(
                a.Name, MigrationState.Applied, a.RunOn, ChecksumState.MissingFile,
                $"{a.Name} was applied on {a.RunOn:u} but {a.Name}.sql is not in the migrations directory.")));
        return entries;
    }
}
