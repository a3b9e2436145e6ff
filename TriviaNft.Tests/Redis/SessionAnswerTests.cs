using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using TriviaNft.Data.Errors;
using TriviaNft.Data.Redis;
using TriviaNft.Data.Redis.Sessions;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.Redis;

[Collection(ServersCollection.Name)]
public sealed class SessionAnswerTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero));
    private IDatabase _redis = null!;
    private RedisActiveSessionStore _store = null!;
    private ActiveSession _session = null!;

    public async Task InitializeAsync()
    {
        var multiplexer = await RedisConnections.ForAsync(servers);
        _redis = multiplexer.GetDatabase();
        _store = new RedisActiveSessionStore(multiplexer, clock: _clock);
        _session = Assert.IsType<SessionStartResult.Started>(await _store.StartAsync(TestPlayers.Start(connected: true))).Session;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ServingAQuestionStartsItsWindowAndMarksItSeenForTheDay()
    {
        var served = await _store.ServeQuestionAsync(_session.Handle, 0);

        Assert.Equal(SessionStepStatus.Ok, served.Status);
        var question = served.Session!.Questions[0];
        Assert.Equal(_clock.GetUtcNow(), question.ServedAt);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(10), question.Deadline);
        var seen = new PlayerKeys(_session.PlayerId).Seen(_session.CategoryId, NewYork.Day(_clock.GetUtcNow()));
        Assert.True(await _redis.SetContainsAsync(seen, question.QuestionId.ToString()));
        await TtlAssert.AboutAsync(_redis, seen, NewYork.DailyKeyTtl(_clock.GetUtcNow()));
    }

    [Fact]
    public async Task ServingAgainKeepsTheFirstServingTime()
    {
        var first = await _store.ServeQuestionAsync(_session.Handle, 0);
        _clock.Advance(TimeSpan.FromSeconds(8));

        var again = await _store.ServeQuestionAsync(_session.Handle, 0);

        Assert.Equal(SessionStepStatus.Ok, again.Status);
        Assert.Equal(first.Session!.Questions[0].ServedAt, again.Session!.Questions[0].ServedAt);
    }

    [Fact]
    public async Task AnAnswerWithinTenSecondsIsJudgedAgainstTheCorrectOption()
    {
        await _store.ServeQuestionAsync(_session.Handle, 0);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var right = await _store.AnswerAsync(_session.Handle, 0, _session.Questions[0].CorrectIndex);
        await _store.ServeQuestionAsync(_session.Handle, 1);
        var wrong = await _store.AnswerAsync(_session.Handle, 1, (_session.Questions[1].CorrectIndex + 1) % 4);

        var first = right.Session!.Questions[0];
        Assert.Equal((SessionStepStatus.Ok, true, false, 10_000L), (right.Status, first.IsCorrect, first.IsLate, first.ElapsedMs!.Value));
        Assert.False(wrong.Session!.Questions[1].IsCorrect);
        Assert.Equal((2, 1), (wrong.Session.NextIndex, wrong.Session.CorrectCount));
    }

    [Fact]
    public async Task ALateAnswerCountsAsIncorrect()
    {
        await _store.ServeQuestionAsync(_session.Handle, 0);
        _clock.Advance(TimeSpan.FromMilliseconds(10_001));

        var late = await _store.AnswerAsync(_session.Handle, 0, _session.Questions[0].CorrectIndex);

        var question = late.Session!.Questions[0];
        Assert.Equal(SessionStepStatus.Ok, late.Status);
        Assert.True(question.IsLate);
        Assert.False(question.IsCorrect);
        Assert.Equal(_session.Questions[0].CorrectIndex, question.ChosenIndex);
        Assert.Equal((1, 0), (late.Session.NextIndex, late.Session.CorrectCount));
    }

    [Fact]
    public async Task AnsweringTheSameQuestionTwiceIsRefusedAndTheFirstAnswerStands()
    {
        await _store.ServeQuestionAsync(_session.Handle, 0);
        var wrongOption = (_session.Questions[0].CorrectIndex + 1) % 4;
        await _store.AnswerAsync(_session.Handle, 0, wrongOption);

        var second = await _store.AnswerAsync(_session.Handle, 0, _session.Questions[0].CorrectIndex);

        Assert.Equal(SessionStepStatus.AlreadyAnswered, second.Status);
        Assert.Equal(wrongOption, second.Session!.Questions[0].ChosenIndex);
        Assert.Equal(0, second.Session.CorrectCount);
    }

    [Fact]
    public async Task QuestionsAreServedAndAnsweredStrictlyInOrder()
    {
        Assert.Equal(SessionStepStatus.OutOfOrder, (await _store.ServeQuestionAsync(_session.Handle, 1)).Status);
        Assert.Equal(SessionStepStatus.NotServed, (await _store.AnswerAsync(_session.Handle, 0, 0)).Status);
        await _store.ServeQuestionAsync(_session.Handle, 0);
        Assert.Equal(SessionStepStatus.OutOfOrder, (await _store.AnswerAsync(_session.Handle, 1, 0)).Status);
        Assert.Equal(0, (await _store.GetAsync(_session.PlayerId))!.NextIndex);
    }

    [Fact]
    public async Task ATimeoutIsRecordedAsAnIncorrectAnswerWithoutChoice()
    {
        await _store.ServeQuestionAsync(_session.Handle, 0);
        _clock.Advance(TimeSpan.FromSeconds(11));

        var timedOut = (await _store.AnswerAsync(_session.Handle, 0, null)).Session!.Questions[0];

        Assert.Equal((true, null, false), (timedOut.IsAnswered, timedOut.ChosenIndex, timedOut.IsCorrect));
    }

    [Fact]
    public async Task TenCorrectAnswersFinishAPerfectSession()
    {
        SessionStepResult step = null!;
        for (var i = 0; i < 10; i++)
        {
            await _store.ServeQuestionAsync(_session.Handle, i);
            _clock.Advance(TimeSpan.FromSeconds(3));
            step = await _store.AnswerAsync(_session.Handle, i, _session.Questions[i].CorrectIndex);
        }

        Assert.True(step.Session!.IsFinished);
        Assert.True(step.Session.IsPerfect);
        Assert.Equal(SessionStepStatus.Finished, (await _store.ServeQuestionAsync(_session.Handle, 9)).Status);
        Assert.Equal(step.Session.Questions, (await _store.GetAsync(_session.PlayerId))!.Questions);
        await TtlAssert.AboutAsync(_redis, new PlayerKeys(_session.PlayerId).Session, TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task AnotherTokenOrAnExpiredSessionCannotBePlayed()
    {
        var forged = _session.Handle with { Token = new string('0', 32) };
        Assert.Equal(SessionStepStatus.NotFound, (await _store.ServeQuestionAsync(forged, 0)).Status);

        _clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(SessionStepStatus.NotFound, (await _store.ServeQuestionAsync(_session.Handle, 0)).Status);
        Assert.Null(await _store.GetAsync(_session.PlayerId));
    }

    [Fact]
    public async Task OutOfRangeIndexesAreRefusedBeforeRedisIsAsked()
    {
        await Assert.ThrowsAsync<DataValidationException>(() => _store.ServeQuestionAsync(_session.Handle, 10));
        await Assert.ThrowsAsync<DataValidationException>(() => _store.AnswerAsync(_session.Handle, 0, 4));
    }
}
