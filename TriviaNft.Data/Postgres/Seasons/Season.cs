namespace TriviaNft.Data.Postgres.Seasons;

/// <summary>A competitive season: [<see cref="StartsAt"/>, <see cref="EndsAt"/>) plus <see cref="GraceDays"/> after it.</summary>
public sealed record Season
{
    /// <summary>Readable id, e.g. <c>winter-s1</c> (see <see cref="SeasonNaming"/>).</summary>
    public required string Id { get; init; }

    /// <summary>Display name, e.g. "Winter Season 1".</summary>
    public required string Name { get; init; }

    /// <summary>First instant of the season.</summary>
    public DateTimeOffset StartsAt { get; init; }

    /// <summary>First instant after the season (exclusive end).</summary>
    public DateTimeOffset EndsAt { get; init; }

    /// <summary>Days after <see cref="EndsAt"/> during which the season's forging rules still apply.</summary>
    public int GraceDays { get; init; }

    /// <summary>At most one season is active: the one session points go to.</summary>
    public bool IsActive { get; init; }

    /// <summary>First instant after the grace days.</summary>
    public DateTimeOffset GraceEndsAt => EndsAt.AddDays(GraceDays);

    /// <summary>True when <paramref name="at"/> is in [<see cref="StartsAt"/>, <see cref="EndsAt"/>).</summary>
    public bool Contains(DateTimeOffset at) => at >= StartsAt && at < EndsAt;

    /// <summary>True when <paramref name="at"/> is in the grace days: [<see cref="EndsAt"/>, <see cref="GraceEndsAt"/>).</summary>
    public bool IsInGraceDays(DateTimeOffset at) => at >= EndsAt && at < GraceEndsAt;

    /// <summary>True during the season or its grace days (e.g. Seasonal Ultimate forging).</summary>
    public bool IsInSeasonOrGraceDays(DateTimeOffset at) => at >= StartsAt && at < GraceEndsAt;
}
