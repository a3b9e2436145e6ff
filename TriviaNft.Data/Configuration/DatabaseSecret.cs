using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;

namespace TriviaNft.Data.Configuration;

/// <summary>
/// The JSON that RDS writes into the database secret (<c>{env}/trivia-nft/database</c>): username, password,
/// host, port, dbname (plus engine and cluster identifier, ignored here).
/// </summary>
public sealed record DatabaseSecret
{
    /// <summary>Login role.</summary>
    [JsonPropertyName("username")]
    public required string Username { get; init; }

    /// <summary>Its password. Never logged.</summary>
    [JsonPropertyName("password")]
    public required string Password { get; init; }

    /// <summary>The writer endpoint of the cluster.</summary>
    [JsonPropertyName("host")]
    public required string Host { get; init; }

    /// <summary>The port, 5432 unless configured otherwise.</summary>
    [JsonPropertyName("port")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int Port { get; init; } = 5432;

    /// <summary>The database; <see cref="ResourceNames.DatabaseName"/> when the secret has none.</summary>
    [JsonPropertyName("dbname")]
    public string? DatabaseName { get; init; }

    /// <summary>Parses the secret string.</summary>
    /// <exception cref="InvalidOperationException">It is not the expected JSON (the message never quotes it).</exception>
    public static DatabaseSecret Parse(string secretString)
    {
        try
        {
            return JsonSerializer.Deserialize(secretString, DataJsonContext.Default.DatabaseSecret)
                ?? throw new InvalidOperationException("The database secret is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException(
                $"The database secret is not the JSON RDS writes (username, password, host, port, dbname): {ex.GetType().Name} at {ex.Path}.");
        }
    }

    // A record prints every property in ToString(): an exception message or a log of this object would show the password.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Username = {Username}, Password = ***, Host = {Host}, Port = {Port}, DatabaseName = {DatabaseName}");
        return true;
    }

    /// <summary>
    /// A connection string straight to <see cref="Host"/> with TLS: <paramref name="sslMode"/> (Require by
    /// default; VerifyFull with <paramref name="rootCertificate"/>, the RDS CA bundle).
    /// </summary>
    public string ToConnectionString(SslMode sslMode = SslMode.Require, string? rootCertificate = null) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Database = DatabaseName ?? ResourceNames.DatabaseName,
            Username = Username,
            Password = Password,
            SslMode = sslMode,
            RootCertificate = rootCertificate,
        }.ConnectionString;
}

/// <summary>Source-generated JSON for the data layer's own documents (trimming and NativeAOT friendly).</summary>
[JsonSerializable(typeof(DatabaseSecret))]
[JsonSerializable(typeof(SecretsExtensionResponse))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class DataJsonContext : JsonSerializerContext;
