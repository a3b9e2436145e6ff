using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace TriviaNft.Infra.Constructs;

/// <summary>Inputs of <see cref="Secrets"/>.</summary>
public sealed class SecretsProps
{
    /// <summary>The environment being deployed.</summary>
    public required DataStackEnvironment Environment { get; init; }

    /// <summary>The database name written into the database secret (<c>dbname</c>).</summary>
    public required string DatabaseName { get; init; }

    /// <summary>The Aurora master user name written into the database secret (<c>username</c>).</summary>
    public required string DatabaseUsername { get; init; }
}

/// <summary>
/// The two generated secrets of the guide: <c>{env}/trivia-nft/database</c> and <c>{env}/trivia-nft/redis</c>.
/// Both rotate manually; nothing about them is ever written to the template or the stack outputs but their ARNs.
/// </summary>
public sealed class Secrets : Construct
{
    /// <summary>The JSON key of the Redis AUTH token in the Redis secret.</summary>
    public const string RedisAuthTokenKey = "authToken";

    /// <summary>
    /// Characters ElastiCache forbids in an AUTH token ('@', '"', '/'), plus the space, which breaks
    /// <c>redis-cli --askpass</c> and connection strings. Punctuation is excluded anyway; these are listed so the
    /// rule survives someone turning punctuation back on.
    /// </summary>
    public const string RedisForbiddenCharacters = "@\"/ ";

    /// <summary>Length of the Redis AUTH token; ElastiCache accepts 16 to 128 characters.</summary>
    public const int RedisAuthTokenLength = 64;

    /// <summary>Creates both secrets.</summary>
    public Secrets(Construct scope, string id, SecretsProps props)
        : base(scope, id)
    {
        var environment = props.Environment;

        // Username, password and dbname now; the cluster's secret attachment adds host, port and engine, so the
        // secret holds everything the guide lists.
        DatabaseSecret = new DatabaseSecret(this, "DatabaseSecret", new DatabaseSecretProps
        {
            SecretName = $"{environment.Name}/trivia-nft/database",
            Username = props.DatabaseUsername,
            Dbname = props.DatabaseName,
        });
        DatabaseSecret.ApplyRemovalPolicy(environment.RemovalPolicy);

        RedisSecret = new Secret(this, "RedisSecret", new SecretProps
        {
            SecretName = $"{environment.Name}/trivia-nft/redis",
            Description = "ElastiCache Redis AUTH token (JSON key authToken)",
            GenerateSecretString = new SecretStringGenerator
            {
                SecretStringTemplate = "{}",
                GenerateStringKey = RedisAuthTokenKey,
                PasswordLength = RedisAuthTokenLength,
                ExcludePunctuation = true,
                IncludeSpace = false,
                ExcludeCharacters = RedisForbiddenCharacters,
            },
            RemovalPolicy = environment.RemovalPolicy,
        });
    }

    /// <summary>The Aurora master credentials, <c>{env}/trivia-nft/database</c>.</summary>
    public DatabaseSecret DatabaseSecret { get; }

    /// <summary>The Redis AUTH token, <c>{env}/trivia-nft/redis</c>, as <c>{"authToken": "..."}</c>.</summary>
    public Secret RedisSecret { get; }
}
