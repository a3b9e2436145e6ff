using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.Questions;
using TriviaNft.Data.Postgres.Sessions;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Leaderboards;
using TriviaNft.Data.Redis.Limits;
using TriviaNft.Data.Redis.Sessions;

namespace TriviaNft.Data.Game;

/// <summary>The game-session façade over the PostgreSQL stores and the Redis game state.</summary>
public sealed partial class GameSessions(
    IPlayerStore players,
    IQuestionStore questions,
    ISessionStore sessions,
    IActiveSessionStore activeSessions,
    ISeenQuestionStore seenQuestions,
    ILeaderboardRebuilder leaderboards,
    RedisGameStateOptions? options = null,
    TimeProvider? clock = null,
    ILogger<GameSessions>? logger = null) : IGameSessions
{
    private readonly RedisGameStateOptions _options = (options ?? RedisGameStateOptions.Default).EnsureValid();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger<GameSessions>.Instance;

    /// <inheritdoc />
    public Task<SessionStepResult> ServeAsync(SessionHandle session, int index, CancellationToken cancellationToken = default) =>
        activeSessions.ServeQuestionAsync(session, index, cancellationToken);

    /// <inheritdoc />
    public Task<SessionStepResult> AnswerAsync(SessionHandle session, int index, int? chosenIndex, CancellationToken cancellationToken = default) =>
        activeSessions.AnswerAsync(session, index, chosenIndex, cancellationToken);
}
