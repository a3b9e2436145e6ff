using System.Globalization;
using System.Text.Json;
using TriviaNft.Migrator.Engine;

namespace TriviaNft.Migrator.Cli;

/// <summary>Everything the CLI prints: one line per migration, a summary, and the status table or JSON.</summary>
internal sealed class CliConsole(TextWriter output)
{
    public void Progress(MigrationProgress step)
    {
        var verb = (step.Direction, step.DryRun) switch
        {
            (MigrationDirection.Up, false) => "applied",
            (MigrationDirection.Up, true) => "would apply",
            (MigrationDirection.Down, false) => "rolled back",
            (MigrationDirection.Down, true) => "would roll back",
            (_, false) => "marked as applied",
            (_, true) => "would mark as applied",
        };
        output.WriteLine(step.DryRun
            ? $"{verb} {step.Name}"
            : string.Create(CultureInfo.InvariantCulture, $"{verb} {step.Name} ({step.Duration.TotalMilliseconds:0} ms)"));
    }

    public void Summary(string verb, MigrationResult result)
    {
        var count = result.Names.Count;
        output.WriteLine(count == 0
            ? $"Nothing to do: {result.Total} migration(s) on disk, none {verb}."
            : $"Done: {(result.DryRun ? "would have " : string.Empty)}{verb} {count} of {result.Total} migration(s).");
    }

    public void Status(IReadOnlyList<MigrationStatusEntry> entries, bool json)
    {
        if (json)
        {
            var document = new StatusDocument(
                [.. entries.Select(e => new StatusLine(
                    e.Name, Lower(e.State), e.RunOn?.ToString("o", CultureInfo.InvariantCulture), Lower(e.Checksum), e.Problem))],
                entries.Count(e => e.State == MigrationState.Applied),
                entries.Count(e => e.State == MigrationState.Pending),
                entries.All(e => e.Problem is null));
            output.WriteLine(JsonSerializer.Serialize(document, CliJsonContext.Default.StatusDocument));
            return;
        }

        var width = Math.Max("Migration".Length, entries.Select(e => e.Name.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"{"Migration".PadRight(width)}  {"State",-8}  {"Run on (UTC)",-19}  Checksum");
        foreach (var e in entries)
        {
            var runOn = e.RunOn?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
            output.WriteLine($"{e.Name.PadRight(width)}  {Lower(e.State),-8}  {runOn,-19}  {Lower(e.Checksum)}");
        }

        foreach (var problem in entries.Where(e => e.Problem is not null))
        {
            output.WriteLine($"problem: {problem.Problem}");
        }
    }

    private static string Lower<T>(T value)
        where T : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
