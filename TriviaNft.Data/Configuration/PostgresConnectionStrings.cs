using Npgsql;

namespace TriviaNft.Data.Configuration;

/// <summary>
/// Turns the connection strings our callers are given into Npgsql key=value form. The guide's
/// <c>DATABASE_URL</c> is a <c>postgresql://user:pass@host:port/db?sslmode=require</c> URL, while Aspire
/// hands out key=value strings; both must work everywhere.
/// </summary>
public static class PostgresConnectionStrings
{
    /// <summary>
    /// Parses a <c>postgres://</c> or <c>postgresql://</c> URL, or a key=value connection string.
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty or neither form parses.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The connection string is empty.", nameof(value));
        }

        var trimmed = value.Trim();
        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUrl(trimmed);
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(trimmed);
        }
        catch (ArgumentException ex)
        {
            // Npgsql's messages name the keyword or index at fault, never the values (so no password).
            throw new ArgumentException(
                $"The connection string is neither a postgresql:// URL nor a valid key=value string: {ex.Message}", nameof(value));
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException("The postgresql:// URL is malformed: it needs at least a host.", nameof(url));
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
        };

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(separator < 0 ? uri.UserInfo : uri.UserInfo[..separator]);
            if (separator >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]);
            }
        }

        foreach (var (key, val) in QueryParameters(uri.Query))
        {
            ApplyQueryParameter(builder, key, val);
        }

        return builder;
    }

    private static IEnumerable<(string Key, string Value)> QueryParameters(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(separator < 0 ? pair : pair[..separator]);
            var val = separator < 0 ? string.Empty : Uri.UnescapeDataString(pair[(separator + 1)..]);
            yield return (key, val);
        }
    }

    private static void ApplyQueryParameter(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        switch (key.ToLowerInvariant())
        {
            // libpq names that differ from Npgsql's keywords.
            case "sslmode":
                builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
                break;
            case "sslrootcert":
                builder.RootCertificate = value;
                break;
            case "connect_timeout":
                builder.Timeout = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            default:
                // Anything else must be an Npgsql keyword (e.g. "Maximum Pool Size"); unknown keys fail loudly.
                builder[key] = value;
                break;
        }
    }
}
