using TriviaNft.LocalServers;

namespace TriviaNft.Tests.Infrastructure;

/// <summary>Redis is started without libfaketime, everything else keeps it (<c>./scripts/test.sh --shift</c>).</summary>
public sealed class RealClockTests
{
    [Fact]
    public void RedisProgramsLoseLibfaketimeAndKeepEverythingElse()
    {
        var environment = ShiftedEnvironment();

        RealClock.Apply("/usr/bin/redis-server", environment);

        Assert.Equal(["LD_PRELOAD", "PATH", "REDISCLI_AUTH"], environment.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("/usr/lib/libother.so:/opt/libmore.so", environment["LD_PRELOAD"]);
    }

    [Fact]
    public void APreloadOfLibfaketimeAloneIsRemovedWhole()
    {
        var environment = new Dictionary<string, string?> { ["LD_PRELOAD"] = "/usr/$LIB/faketime/libfaketime.so.1", ["FAKETIME"] = "+30d" };

        RealClock.Apply("redis-cli", environment);

        Assert.Empty(environment);
    }

    [Theory]
    [InlineData("/usr/lib/postgresql/15/bin/postgres")]
    [InlineData("/usr/bin/setpriv")]
    [InlineData("/usr/sbin/pgbouncer")]
    [InlineData("/usr/lib/postgresql/15/bin/pg_dump")]
    public void OtherProgramsKeepTheShiftedClock(string program)
    {
        var environment = ShiftedEnvironment();

        RealClock.Apply(program, environment);

        Assert.Equal(ShiftedEnvironment(), environment);
    }

    private static Dictionary<string, string?> ShiftedEnvironment() => new()
    {
        ["LD_PRELOAD"] = "/usr/lib/libother.so /usr/$LIB/faketime/libfaketime.so.1:/opt/libmore.so",
        ["FAKETIME"] = "+30d",
        ["FAKETIME_SHARED"] = "/faketime_sem_1 /faketime_shm_1",
        ["PATH"] = "/usr/bin",
        ["REDISCLI_AUTH"] = "secret",
    };
}
