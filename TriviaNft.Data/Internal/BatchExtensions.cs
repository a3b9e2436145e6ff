using Npgsql;

namespace TriviaNft.Data.Internal;

/// <summary>
/// Builds an <see cref="NpgsqlBatch"/>: statements of one transaction that do not depend on each other's results,
/// sent in one round trip (design.md §4 rule 7). Each statement still gets its own snapshot, as if sent alone.
/// </summary>
internal static class BatchExtensions
{
    public static NpgsqlBatchCommand Add(this NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>A typed parameter: its PostgreSQL type comes from <typeparamref name="T"/>, even when the value is null.</summary>
    public static NpgsqlParameter<T> Parameter<T>(string name, T value) => new(name, value);
}
