using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TriviaNft.Data;
using TriviaNft.Data.Postgres.Eligibilities;
using TriviaNft.Data.Postgres.Players;
using TriviaNft.Data.Postgres.QuestionFlags;
using TriviaNft.Data.Postgres.Questions;
using TriviaNft.Data.Postgres.Seasons;
using TriviaNft.Data.Postgres.Sessions;

namespace TriviaNft.Tests.Data;

/// <summary>GameRules come from configuration, with the design's defaults, and every store resolves.</summary>
public sealed class GameRulesCompositionTests
{
    private const string Connection = "Host=127.0.0.1;Port=1;Database=trivianft;Username=u;Password=p";

    [Fact]
    public void TheDefaultsAreTheDesignsNumbers()
    {
        var rules = GameRules.Default;

        Assert.Equal((10, 10_000, 6), (rules.QuestionsPerSession, rules.QuestionTimeLimitMs, rules.WinThreshold));
        Assert.Equal((60, 25), (rules.ConnectedEligibilityMinutes, rules.GuestEligibilityMinutes));
        Assert.Equal((1, 10), (rules.PointsPerCorrectAnswer, rules.PerfectSessionBonus));
        Assert.Equal((3, 7), (rules.SeasonLengthMonths, rules.SeasonGraceDays));
        Assert.Empty(rules.Problems());
    }

    [Fact]
    public void AddTriviaNftDataBindsGameRulesAndResolvesEveryStore()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:trivia-db"] = Connection,
            ["ConnectionStrings:trivia-db-reader"] = Connection,
            ["TriviaNft:GameRules:GuestEligibilityMinutes"] = "30",
            ["TriviaNft:GameRules:PerfectSessionBonus"] = "12",
        });

        builder.AddTriviaNftData();
        using var host = builder.Build();

        var rules = host.Services.GetRequiredService<GameRules>();
        Assert.Equal(30, rules.GuestEligibilityMinutes);
        Assert.Equal(12, rules.PerfectSessionBonus);
        Assert.Equal(60, rules.ConnectedEligibilityMinutes);
        Assert.NotNull(host.Services.GetRequiredService<IPlayerStore>());
        Assert.NotNull(host.Services.GetRequiredService<IQuestionStore>());
        Assert.NotNull(host.Services.GetRequiredService<IQuestionFlagStore>());
        Assert.NotNull(host.Services.GetRequiredService<ISessionStore>());
        Assert.NotNull(host.Services.GetRequiredService<ISeasonStore>());
        Assert.NotNull(host.Services.GetRequiredService<IEligibilityStore>());
        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void InvalidGameRulesFailAtComposition()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TriviaNft:GameRules:WinThreshold"] = "11",
        });

        var error = Assert.Throws<ArgumentException>(() => builder.AddTriviaNftData());

        Assert.Contains("WinThreshold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StoresRejectInvalidRulesGivenDirectly()
    {
        var database = TriviaNftDataSources.FromConnectionStrings(Connection);

        Assert.Throws<ArgumentException>(() => new PostgresSessionStore(database, GameRules.Default with { QuestionsPerSession = 11 }));
        Assert.Throws<ArgumentException>(() => new PostgresSeasonStore(database, GameRules.Default with { SeasonGraceDays = 31 }));
    }
}
