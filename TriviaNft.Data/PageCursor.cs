namespace TriviaNft.Data;

/// <summary>
/// Keyset paging position: the timestamp and id of the last item of the previous page. Pages never skip or
/// repeat rows when new ones arrive, and the query seeks the index instead of counting an offset.
/// </summary>
/// <param name="At">The ordering timestamp of the last item seen (e.g. a session's <c>started_at</c>).</param>
/// <param name="Id">The id of the last item seen, the tie-breaker for equal timestamps.</param>
public sealed record PageCursor(DateTimeOffset At, Guid Id);
