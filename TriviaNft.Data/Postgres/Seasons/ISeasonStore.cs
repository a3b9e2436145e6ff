using TriviaNft.Data.Errors;

namespace TriviaNft.Data.Postgres.Seasons;

/// <summary>Competitive seasons: the active one, the next one, and the switch between them.</summary>
public interface ISeasonStore
{
    /// <summary>The active season, or null when none is (from the reader: it changes four times a year).</summary>
    Task<Season?> FindActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>The season with <paramref name="seasonId"/>.</summary>
    /// <exception cref="DataNotFoundException">No such season.</exception>
    /// <exception cref="DataValidationException">The id is malformed.</exception>
    Task<Season> GetByIdAsync(string seasonId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the season after the active one (or, with none active, after the latest): it starts when that one
    /// ends and lasts <see cref="GameRules.SeasonLengthMonths"/> months, with <paramref name="graceDays"/>
    /// (default <see cref="GameRules.SeasonGraceDays"/>), inactive, named by <see cref="SeasonNaming"/>. Idempotent:
    /// when a season already starts at that instant, it is returned unchanged.
    /// </summary>
    /// <exception cref="DataNotFoundException">There is no season to follow.</exception>
    /// <exception cref="DataValidationException">The grace days are not 0..30.</exception>
    Task<Season> CreateNextAsync(int? graceDays = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends <paramref name="fromSeasonId"/> and activates the season that starts next after it, in one transaction
    /// (at no moment are two seasons active, nor — to anyone else — none).
    /// </summary>
    /// <exception cref="DataNotFoundException">The season, or a season after it, does not exist.</exception>
    /// <exception cref="DataConflictException">The season is not the active one, e.g. it was already ended (<c>seasons.not-active</c>).</exception>
    /// <exception cref="DataValidationException">The id is malformed.</exception>
    Task<SeasonTransition> TransitionAsync(string fromSeasonId, CancellationToken cancellationToken = default);
}
