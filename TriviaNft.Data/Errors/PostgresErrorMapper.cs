using Npgsql;

namespace TriviaNft.Data.Errors;

/// <summary>Maps PostgreSQL errors to the data layer's typed exceptions by SQLSTATE and constraint name.</summary>
internal static class PostgresErrorMapper
{
    // SQLSTATE class 08: connection exception (08000, 08003, 08006, 08P01 — PgBouncer reports a lost server this way).
    private const string ConnectionExceptionClass = "08";

    /// <summary>The typed exception for <paramref name="error"/>, or null when it is not the caller's doing.</summary>
    public static TriviaNftDataException? Map(PostgresException error) => error.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation =>
            new DataConflictException(error.ConstraintName ?? "unique", ConstraintRules.Describe(error.ConstraintName), error),
        PostgresErrorCodes.CheckViolation or PostgresErrorCodes.NotNullViolation =>
            new DataValidationException(error.ConstraintName ?? $"{error.TableName}.{error.ColumnName}", Validation(error), error),
        PostgresErrorCodes.ForeignKeyViolation =>
            new DataValidationException(error.ConstraintName ?? "foreign-key", ConstraintRules.Describe(error.ConstraintName), error),
        PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.NumericValueOutOfRange
            or PostgresErrorCodes.InvalidTextRepresentation or PostgresErrorCodes.InvalidDatetimeFormat
            or PostgresErrorCodes.DatetimeFieldOverflow or PostgresErrorCodes.InvalidParameterValue
            or PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter =>
            new DataValidationException("value", $"A value is out of range or malformed ({error.SqlState}).", error),
        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected =>
            new DataConcurrencyException("Concurrent updates collided; the operation was rolled back.", error),
        PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable =>
            new DataUnavailableException("The database did not answer in time; nothing was written.", error),
        // The server is going down, restarting, or was killed (its backends report the postmaster's death), or the
        // proxy lost its server connection: the transaction did not commit, or its outcome is unknown. Seen in
        // every failover and restart; the fault suite (TriviaNft.Tests/Faults) produces each of them.
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow =>
            new DataUnavailableException($"The database server is restarting or failing over ({error.SqlState}); retry if the operation is idempotent.", error),
        _ when error.SqlState.StartsWith(ConnectionExceptionClass, StringComparison.Ordinal) =>
            new DataUnavailableException($"The connection to the database was lost ({error.SqlState}); retry if the operation is idempotent.", error),
        // A writer demoted by a failover refuses writes until the proxy points at the new one.
        PostgresErrorCodes.ReadOnlySqlTransaction =>
            new DataUnavailableException("The database is read-only for now (a failover is under way); retry if the operation is idempotent.", error),
        _ when error.IsTransient =>
            new DataUnavailableException($"The database is unavailable ({error.SqlState}); retry if the operation is idempotent.", error),
        _ => null,
    };

    private static string Validation(PostgresException error) =>
        error.SqlState == PostgresErrorCodes.NotNullViolation
            ? $"{error.ColumnName} is required."
            : ConstraintRules.Describe(error.ConstraintName);
}
