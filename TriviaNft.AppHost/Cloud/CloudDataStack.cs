using TriviaNft.AppHost.LocalEmulation;
using TriviaNft.Data;

namespace TriviaNft.AppHost.Cloud;

/// <summary>
/// Cloud mode (<c>LocalEmulation:Mode=Cloud</c>): no local server starts; the same four names bind to the deployed
/// DataStack — <c>trivia-db</c> to the RDS Proxy, <c>trivia-db-reader</c> to its READ_ONLY endpoint,
/// <c>trivia-db-admin</c> to the Aurora writer (migrations never use the proxy), all with TLS verified, and
/// <c>trivia-cache</c> to the ElastiCache configuration endpoint over TLS. Passwords are secret parameters the
/// developer sets; they are resolved when a project starts and never written to the outputs file or a manifest.
/// </summary>
internal static class CloudDataStack
{
    public static DataStack AddCloudDataStack(this IDistributedApplicationBuilder builder, CloudOptions options)
    {
        var outputs = StackOutputs.Load(options.OutputsFile, options.StackName);
        // Required, never generated: a generated value could not match the deployed secrets.
        var postgresPassword = builder.AddParameter(ResourceNames.PostgresPassword, secret: true);
        var redisPassword = builder.AddParameter(ResourceNames.RedisPassword, secret: true);

        var tls = options.RootCertificate is null ? "SSL Mode=VerifyFull" : $"SSL Mode=VerifyFull;Root Certificate={options.RootCertificate}";
        ReferenceExpression Postgres(string host, string extra) => ReferenceExpression.Create(
            $"Host={host};Port={outputs.DatabasePort.ToString(System.Globalization.CultureInfo.InvariantCulture)};Database={outputs.DatabaseName};Username={options.DatabaseUsername};Password={postgresPassword.Resource};{tls}{extra}");
        const string behindProxy = ";No Reset On Close=true;Max Auto Prepare=0";

        var admin = builder.AddConnectionString(ResourceNames.TriviaDbAdmin, Postgres(outputs.WriterEndpoint, string.Empty));
        return new DataStack(
            Db: builder.AddConnectionString(ResourceNames.TriviaDb, Postgres(outputs.ProxyEndpoint, behindProxy)),
            DbReader: builder.AddConnectionString(ResourceNames.TriviaDbReader, Postgres(outputs.ProxyReadOnlyEndpoint, behindProxy)),
            DbAdmin: admin,
            Cache: builder.AddConnectionString(ResourceNames.Cache, ReferenceExpression.Create(
                $"{outputs.RedisConfigurationEndpoint}:{outputs.RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture)},ssl=true,password={redisPassword.Resource},abortConnect=false")),
            Writer: admin);
    }
}
