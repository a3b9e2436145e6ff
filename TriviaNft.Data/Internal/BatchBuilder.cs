using Npgsql;

namespace TriviaNft.Data.Internal;

/// <summary>
/// Builds an <see cref="NpgsqlBatch"/>: statements that do not need each other's results travel to the server
/// in one round trip (design.md §4 rule 7), each with its own bound parameters.
/// </summary>
internal static class BatchBuilder
{
    public static NpgsqlBatch Batch(this NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        new(connection, transaction);

    /// <summary>Appends <paramref name="sql"/> and returns it, to add its parameters with <see cref="With{T}"/>.</summary>
    public static NpgsqlBatchCommand Add(this NpgsqlBatch batch, string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>Binds <paramref name="value"/> as <c>@name</c>; the CLR type decides the PostgreSQL type, even for null.</summary>
    public static NpgsqlBatchCommand With<T>(this NpgsqlBatchCommand command, string name, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T>(name, value));
        return command;
    }
}
