using System.Data.Common;
using Npgsql;

namespace TriviaNft.Data.Configuration;

/// <summary>
/// The connection settings every pooled connection gets (design.md §4): safe behind a transaction-pooling
/// proxy (RDS Proxy, PgBouncer) and sized as the guide says.
/// </summary>
public static class ProxyConnectionSettings
{
    /// <summary>The guide: at most 20 connections per process.</summary>
    public const int MaxPoolSize = 20;

    /// <summary>The guide: 10 seconds to connect.</summary>
    public const int ConnectTimeoutSeconds = 10;

    /// <summary>The guide: 30 seconds per statement (the proxy's init query sets the same server-side).</summary>
    public const int CommandTimeoutSeconds = 30;

    /// <summary>
    /// Applies the proxy rules to <paramref name="connectionString"/> (a URL or key=value string): no reset on
    /// close and no automatic preparation (the proxy hands the session to others between transactions), no
    /// startup <c>Options</c>, no multiplexing; pool size and timeouts default to the guide's numbers unless
    /// the string sets them.
    /// </summary>
    public static string Apply(string connectionString)
    {
        var builder = PostgresConnectionStrings.Parse(connectionString);
        // Npgsql's builder answers ContainsKey for every known keyword; its string holds only the ones set.
        var explicitlySet = new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        builder.NoResetOnClose = true;
        builder.MaxAutoPrepare = 0;
        builder.Multiplexing = false;
        builder.Options = null;
        DefaultTo(builder, explicitlySet, "Maximum Pool Size", MaxPoolSize);
        DefaultTo(builder, explicitlySet, "Timeout", ConnectTimeoutSeconds);
        DefaultTo(builder, explicitlySet, "Command Timeout", CommandTimeoutSeconds);
        return builder.ConnectionString;
    }

    private static void DefaultTo(
        NpgsqlConnectionStringBuilder builder, DbConnectionStringBuilder explicitlySet, string keyword, int value)
    {
        if (!explicitlySet.ContainsKey(keyword))
        {
            builder[keyword] = value;
        }
    }
}
