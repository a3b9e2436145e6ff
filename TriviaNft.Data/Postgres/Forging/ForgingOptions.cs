namespace TriviaNft.Data.Postgres.Forging;

/// <summary>The forging rules' numbers (design.md §9), configurable.</summary>
public sealed record ForgingOptions
{
    /// <summary>The defaults: 10, 10 and 2.</summary>
    public static ForgingOptions Default { get; } = new();

    /// <summary>NFTs of one category that make a Category Ultimate.</summary>
    public int CategoryInputs { get; init; } = 10;

    /// <summary>Different categories, one NFT each, that make a Master Ultimate.</summary>
    public int MasterCategories { get; init; } = 10;

    /// <summary>NFTs of every active category, earned during the season or its grace days, that make a Seasonal Ultimate.</summary>
    public int SeasonInputsPerCategory { get; init; } = 2;

    /// <summary>An upper bound on the inputs of any forge, checked before any round trip.</summary>
    public int MaxInputs { get; init; } = 500;

    /// <summary>Refuses numbers no forge could satisfy.</summary>
    internal ForgingOptions Checked()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(CategoryInputs, 1, nameof(CategoryInputs));
        ArgumentOutOfRangeException.ThrowIfLessThan(MasterCategories, 1, nameof(MasterCategories));
        ArgumentOutOfRangeException.ThrowIfLessThan(SeasonInputsPerCategory, 1, nameof(SeasonInputsPerCategory));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInputs, Math.Max(CategoryInputs, MasterCategories), nameof(MaxInputs));
        return this;
    }
}
