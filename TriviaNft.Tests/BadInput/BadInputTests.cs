using Npgsql;
using StackExchange.Redis;
using TriviaNft.Data.Errors;
using TriviaNft.Tests.Infrastructure;

namespace TriviaNft.Tests.BadInput;

/// <summary>
/// The bad-input corpus against the real PostgreSQL (through PgBouncer) and Redis cluster: every malformed call
/// gets its typed error (or its documented refusal), never a raw driver or runtime exception, and changes no row
/// and no key.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class BadInputTests(ServersFixture servers)
{
    public static IEnumerable<object[]> Cases => BadInputCorpus.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MalformedInputGetsItsTypedErrorAndChangesNothing(string name)
    {
        var @case = BadInputCorpus.Cases[name];
        var world = await BadInputWorld.ForAsync(servers);
        var before = await WorldState.CaptureAsync(world);

        var error = await Record.ExceptionAsync(() => @case.Act(world));

        before.AssertUnchangedBy(await WorldState.CaptureAsync(world));
        Assert.False(error is NpgsqlException or RedisException or NullReferenceException or InvalidCastException
            or FormatException or IndexOutOfRangeException or KeyNotFoundException, $"Unhandled {error?.GetType().FullName}: {error}");
        if (@case.Expected is null)
        {
            Assert.Null(error);
            return;
        }

        Assert.True(error?.GetType() == @case.Expected, $"Expected {@case.Expected.Name}, got {error?.GetType().FullName ?? "no exception"}: {error}");
        if (@case.Rule is { } rule)
        {
            Assert.Equal(rule, error switch
            {
                DataValidationException v => v.Rule,
                DataConflictException c => c.Rule,
                _ => null,
            });
        }
    }

    [Fact]
    public void TheCorpusHoldsAtLeastOneHundredCasesCoveringEveryKind()
    {
        var kinds = BadInputCorpus.Cases.Values.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(BadInputCorpus.Cases.Count >= 100, $"{BadInputCorpus.Cases.Count} cases");
        Assert.All(Enum.GetValues<BadInputKind>(), kind => Assert.True(kinds.GetValueOrDefault(kind) > 0, $"No {kind} case."));
    }
}
