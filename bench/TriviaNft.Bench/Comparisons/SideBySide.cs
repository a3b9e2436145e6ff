namespace TriviaNft.Bench.Comparisons;

/// <summary>One round: ours, then psql doing the same work from the same starting state.</summary>
internal sealed record PsqlRound(TimeSpan Ours, PsqlRun Psql)
{
    public double Ratio => Ours / Psql.Statements;
}

/// <summary>
/// Rounds of ours against psql, and what stopped them early (<see cref="Failure"/>: an error of either side or
/// a psql copy of the store's SQL that no longer matches the store). The ratio reported is the median of the
/// rounds' ratios, each measured back to back, so load that comes and goes moves it less than the times.
/// </summary>
internal sealed record SideBySide(IReadOnlyList<PsqlRound> Rounds, string? Failure)
{
    public bool Measured => Rounds.Count > 0;

    public double MedianRatio => Median(Rounds.Select(r => r.Ratio));

    public double MinRatio => Rounds.Count == 0 ? double.NaN : Rounds.Min(r => r.Ratio);

    public double MaxRatio => Rounds.Count == 0 ? double.NaN : Rounds.Max(r => r.Ratio);

    public TimeSpan MedianOurs => Rounds.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Median(Rounds.Select(r => r.Ours.TotalSeconds)));

    public TimeSpan MedianPsql => Rounds.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Median(Rounds.Select(r => r.Psql.Statements.TotalSeconds)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
