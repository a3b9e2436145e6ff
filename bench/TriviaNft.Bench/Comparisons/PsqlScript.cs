using System.Globalization;
using System.Text.RegularExpressions;
using TriviaNft.Bench.Stack;
using TriviaNft.Data;

namespace TriviaNft.Bench.Comparisons;

/// <summary>
/// One psql run: <see cref="Statements"/> is the sum of psql's own <c>\timing</c> of every statement (send to
/// result, as ours is timed from the call to the result); <see cref="Process"/> adds psql's start and its
/// connection, which ours does not pay (a warm pool). <see cref="Rows"/>: the result rows, columns split.
/// </summary>
internal sealed record PsqlRun(TimeSpan Statements, TimeSpan Process, IReadOnlyList<string[]> Rows);

/// <summary>Writes and runs psql scripts through the endpoint the data layer writes to: PgBouncer (<see cref="LocalStack.ProxyPort"/>).</summary>
internal static partial class PsqlScript
{
    /// <summary>
    /// <paramref name="sql"/> with each <c>@name</c> replaced by its literal in <paramref name="literals"/> (psql 15
    /// has no <c>\bind</c>; a literal is planned as the bound value is, the stores' statements being unprepared).
    /// </summary>
    public static string Bind(string sql, IReadOnlyDictionary<string, string> literals) =>
        Parameter().Replace(sql, m => literals.TryGetValue(m.Groups[1].Value, out var literal)
            ? literal
            : throw new InvalidOperationException($"No value for @{m.Groups[1].Value}."));

    /// <summary>A typed SQL literal, e.g. <c>'2100-01-01'::date</c>.</summary>
    public static string Literal(string value, string type) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'::{type}";

    /// <summary>
    /// Runs <paramref name="statements"/> (without their <c>;</c>) from a file under the stack's folder, stopping at
    /// the first error. psql's timing lines are counted against the statements, so a format psql did not print as
    /// expected fails instead of under-counting.
    /// </summary>
    public static async Task<PsqlRun> RunAsync(LocalStack stack, string name, IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        var file = Path.Combine(stack.Root, name);
        await File.WriteAllLinesAsync(file, ["\\timing on", .. statements.Select(s => s.TrimEnd() + ";")], cancellationToken).ConfigureAwait(false);
        string[] arguments =
        [
            "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
            "-h", "127.0.0.1", "-p", stack.ProxyPort.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", ResourceNames.DatabaseName,
            "-f", file,
        ];
        string output;
        TimeSpan elapsed;
        try
        {
            // LC_ALL=C: psql prints its timings with the locale's decimal separator.
            (output, elapsed) = await ToolRunner.RunAsync(ToolRunner.Postgres("psql"), arguments,
                new Dictionary<string, string> { ["PGPASSWORD"] = stack.Password, ["LC_ALL"] = "C" }, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            // The message holds everything psql printed (timings, rows): keep its errors.
            var errors = ex.Message.Split('\n')
                .Select(l => Math.Max(l.IndexOf("ERROR:", StringComparison.Ordinal), l.IndexOf("FATAL:", StringComparison.Ordinal)) is var at and >= 0 ? l[at..].Trim() : null)
                .OfType<string>().ToList();
            throw errors.Count == 0 ? ex : new InvalidOperationException("psql: " + string.Join(" ", errors), ex);
        }

        var milliseconds = 0.0;
        var timed = 0;
        var rows = new List<string[]>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var timing = Timing().Match(line);
            if (timing.Success)
            {
                milliseconds += double.Parse(timing.Groups[1].Value, CultureInfo.InvariantCulture);
                timed++;
            }
            else
            {
                rows.Add(line.Split('|'));
            }
        }

        return timed == statements.Count
            ? new PsqlRun(TimeSpan.FromMilliseconds(milliseconds), elapsed, rows)
            : throw new InvalidOperationException($"psql timed {timed} statements of {statements.Count} in {name}: {output.Trim()}");
    }

    /// <summary>The command line as the report shows it.</summary>
    public static string Command(string name) => $"psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p <PgBouncer> -U postgres -d {ResourceNames.DatabaseName} -f {name}";

    [GeneratedRegex(@"@(\w+)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^Time: ([0-9]+(?:\.[0-9]+)?) ms")]
    private static partial Regex Timing();
}
