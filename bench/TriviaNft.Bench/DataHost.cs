using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TriviaNft.Bench.Stack;
using TriviaNft.Data;

namespace TriviaNft.Bench;

/// <summary>
/// The data layer composed exactly as the game's services compose it (<c>AddTriviaNftData</c>: Aspire's Npgsql
/// data sources with the proxy rules, the Redis multiplexer, every store), over the connection strings of the
/// stack the bench started. No ServiceDefaults here: no telemetry pipeline taxes the measurement.
/// </summary>
internal static class DataHost
{
    public static IHost Build(LocalStack stack)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ResourceNames.TriviaDb}"] = stack.ProxyConnectionString(),
            [$"ConnectionStrings:{ResourceNames.TriviaDbReader}"] = stack.ProxyConnectionString(ResourceNames.ReaderDatabaseName),
            [$"ConnectionStrings:{ResourceNames.Cache}"] = stack.RedisConfiguration,
        });
        builder.AddTriviaNftData();
        return builder.Build();
    }
}
