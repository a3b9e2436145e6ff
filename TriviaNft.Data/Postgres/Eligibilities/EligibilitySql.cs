namespace TriviaNft.Data.Postgres.Eligibilities;

/// <summary>
/// The eligibility rules as SQL, shared with other stores that spend an eligibility inside their own transaction
/// (the mint flow): one definition of "consume", so every path spends it exactly once.
/// </summary>
internal static class EligibilitySql
{
    /// <summary>Columns of <see cref="Eligibility"/>.</summary>
    public const string Columns =
        "id, type, category_id, season_id, player_id, stake_key, anon_id, status, expires_at, session_id, used_at, created_at";

    /// <summary>
    /// Consume: active → used, <c>used_at = @now</c>, only while <c>expires_at &gt; @now</c> (the store's clock) and only
    /// for its holder. Parameters <c>@eligibilityId</c>, <c>@playerId</c>, <c>@now</c>. No row back means it was not consumed:
    /// unknown, someone else's, used, expired or overdue — read it to tell which.
    /// </summary>
    public const string Consume = $"""
        UPDATE eligibilities SET status = 'used', used_at = @now
        WHERE id = @eligibilityId AND player_id = @playerId AND status = 'active' AND expires_at > @now
        RETURNING {Columns}
        """;
}
