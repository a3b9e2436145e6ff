using System.Globalization;
using System.Text.RegularExpressions;

namespace TriviaNft.Bench.Comparisons;

/// <summary>AppHost start times (median seconds from <c>dotnet run</c> to ready), how many runs, and the script's lines.</summary>
internal sealed record AppHostStartFigures(double ColdSeconds, double WarmSeconds, int Runs, string Machine, IReadOnlyList<string> Lines);

/// <summary>
/// Reads what <c>scripts/measure-start.sh</c> printed (bench/run runs it before the bench, since it starts the
/// AppHost itself): lines <c>cold: 16.5 s from dotnet run to ready; …</c> and <c>warm: …</c>.
/// </summary>
internal static partial class AppHostStart
{
    public static AppHostStartFigures? Read(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path);
        var cold = Times(text, "cold");
        var warm = Times(text, "warm");
        var machine = text.Split('\n').FirstOrDefault(l => l.StartsWith("machine:", StringComparison.Ordinal))?.Trim() ?? string.Empty;
        var lines = text.Split('\n').Where(l => l.StartsWith("cold:", StringComparison.Ordinal) || l.StartsWith("warm:", StringComparison.Ordinal)).ToList();
        return cold.Count == 0 || warm.Count == 0 ? null : new AppHostStartFigures(Median(cold), Median(warm), Math.Min(cold.Count, warm.Count), machine, lines);
    }

    private static List<double> Times(string text, string label) =>
        [.. LinePattern().Matches(text).Where(m => m.Groups[1].Value == label).Select(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [GeneratedRegex(@"^(cold|warm): ([0-9.]+) s", RegexOptions.Multiline)]
    private static partial Regex LinePattern();
}
