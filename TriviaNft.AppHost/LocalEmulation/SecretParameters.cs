namespace TriviaNft.AppHost.LocalEmulation;

/// <summary>Secret parameters that need no setup: generated once, then kept in the AppHost's user secrets.</summary>
internal static class SecretParameters
{
    /// <summary>
    /// A secret parameter read from <c>Parameters:&lt;name&gt;</c> (e.g. <c>Parameters__postgres-password</c>), else
    /// generated and persisted to user secrets. Letters and digits only: the value goes into connection strings,
    /// a PgBouncer user list and redis.conf without any quoting surprises.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
}
