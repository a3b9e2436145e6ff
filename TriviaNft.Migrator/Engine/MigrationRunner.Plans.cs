namespace TriviaNft.Migrator.Engine;

public sealed partial class MigrationRunner
{
    private static List<Migration> PlanUp(
        IReadOnlyList<Migration> files, IReadOnlyList<AppliedMigration> applied, MigrationTarget target)
    {
        var appliedNames = applied.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var pending = files.Where(f => !appliedNames.Contains(f.Name)).ToList();
        if (target.To is { } to)
        {
            var last = files.FirstOrDefault(f => f.Name == to)
                ?? throw new MigrationConfigurationException($"--to '{to}' names no migration file.");
            return [.. pending.Where(f => f.Number <= last.Number)];
        }

        return [.. pending.Take(target.Count ?? int.MaxValue)];
    }

    private static List<Migration> PlanDown(
        IReadOnlyList<Migration> files, IReadOnlyList<AppliedMigration> applied, MigrationTarget target)
    {
        var byName = files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var newestFirst = applied.Reverse().Select(a => byName[a.Name]).ToList();
        List<Migration> steps;
        if (target.To is { } to)
        {
            var keep = newestFirst.FindIndex(m => m.Name == to);
            if (keep < 0)
            {
                throw new MigrationConfigurationException($"--to '{to}' is not an applied migration.");
            }

            steps = newestFirst[..keep];
        }
        else
        {
            steps = [.. newestFirst.Take(target.Count ?? 1)];
        }

        var irreversible = steps.FirstOrDefault(m => m.Down is null);
        if (irreversible is not null)
        {
            throw new MigrationConfigurationException(
                $"{irreversible.FileName} has no '-- Down Migration' section, so it cannot be rolled back; nothing was rolled back.");
        }

        return steps;
    }

    private static void ValidateTarget(MigrationTarget target)
    {
        if (target.Count is not null && target.To is not null)
        {
            throw new MigrationConfigurationException("Give either --count or --to, not both.");
        }

        if (target.Count is < 0)
        {
            throw new MigrationConfigurationException($"--count must be zero or more, not {target.Count}.");
        }
    }
}
