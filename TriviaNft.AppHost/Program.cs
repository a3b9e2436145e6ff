using TriviaNft.AppHost.LocalEmulation;
using TriviaNft.Data;
using TriviaNft.LocalServers;

var builder = DistributedApplication.CreateBuilder(args);

var postgresPassword = builder.AddGeneratedSecret(ResourceNames.PostgresPassword);
var redisPassword = builder.AddGeneratedSecret(ResourceNames.RedisPassword);

DataStack data;
try
{
    // The AWS DataStack: Aurora writer + reader behind RDS Proxy, ElastiCache in cluster mode.
    // Native processes by default; LocalEmulation:Mode=Containers serves the same names from containers.
    var options = LocalEmulationOptions.From(builder.Configuration, args);
    data = options.UseContainers
        ? builder.AddContainerDataStack(postgresPassword, redisPassword)
        : builder.AddNativeDataStack(options, postgresPassword, redisPassword);
}
catch (Exception ex) when (ex is MissingServerBinaryException or LocalEmulationException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

// Migrations go to the writer directly, never through the proxy; later projects WaitForCompletion(migrator).
builder.AddProject<Projects.TriviaNft_Migrator>(ResourceNames.Migrator)
    .WithReference(data.DbAdmin)
    .WaitFor(data.Writer);

await builder.Build().RunAsync();
return 0;
