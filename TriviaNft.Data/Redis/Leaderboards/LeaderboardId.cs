using System.Text.RegularExpressions;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Internal;

namespace TriviaNft.Data.Redis.Leaderboards;

/// <summary>
/// A leaderboard: a season's global board, or a season's board of one category. Its keys share one hash tag
/// (<c>{lb:&lt;seasonId&gt;:global}</c> or <c>{lb:&lt;seasonId&gt;:cat:&lt;categoryId&gt;}</c>), so the board and its
/// member index are one slot and every update script over them is single-slot by construction.
/// </summary>
public readonly partial record struct LeaderboardId
{
    private LeaderboardId(string seasonId, Guid? categoryId)
    {
        if (seasonId is null || seasonId.Length > 64 || !SeasonIdPattern().IsMatch(seasonId))
        {
            throw new DataValidationException("chk_seasons_id_format", "A season id is lowercase letters and digits in '-'-separated words, at most 64 characters.");
        }

        SeasonId = seasonId;
        CategoryId = categoryId is { } id ? Guard.Id(id, "categories.id", "The category id") : null;
    }

    /// <summary>The season (<c>seasons.id</c>).</summary>
    public string SeasonId { get; }

    /// <summary>The category of a category board; null for the season's global board.</summary>
    public Guid? CategoryId { get; }

    /// <summary>The key names of this board.</summary>
    /// <exception cref="DataValidationException">The id is <c>default</c>: made without <see cref="Global"/> or <see cref="Category"/>.</exception>
    public LeaderboardKeys Keys => SeasonId is null
        ? throw new DataValidationException("leaderboard.id", "A leaderboard id is made with LeaderboardId.Global or LeaderboardId.Category, not default.")
        : new(CategoryId is { } category ? $"{{lb:{SeasonId}:cat:{category:D}}}" : $"{{lb:{SeasonId}:global}}");

    /// <summary>The global board of <paramref name="seasonId"/> (source: <c>season_points</c>).</summary>
    /// <exception cref="DataValidationException">The season id is malformed.</exception>
    public static LeaderboardId Global(string seasonId) => new(seasonId, null);

    /// <summary>The board of <paramref name="categoryId"/> in <paramref name="seasonId"/> (source: the season's sessions).</summary>
    /// <exception cref="DataValidationException">The season id is malformed or the category id empty.</exception>
    public static LeaderboardId Category(string seasonId, Guid categoryId) => new(seasonId, categoryId);

    /// <inheritdoc />
    public override string ToString() => CategoryId is { } category ? $"{SeasonId}/{category:D}" : $"{SeasonId}/global";

    // \z, not $: $ also matches before a final "\n", which would put a newline into the key name.
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z")]
    private static partial Regex SeasonIdPattern();
}
