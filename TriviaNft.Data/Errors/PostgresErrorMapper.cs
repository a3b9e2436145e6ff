using Npgsql;

namespace TriviaNft.Data.Errors;

/// <summary>Maps PostgreSQL errors to the data layer's typed exceptions by SQLSTATE and constraint name.</summary>
internal static class PostgresErrorMapper
{
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
        _ when error.IsTransient =>
            new DataUnavailableException($"The database is unavailable ({error.SqlState}); retry if the operation is idempotent.", error),
        _ => null,
    };

    private static string Validation(PostgresException error) =>
        error.SqlState == PostgresErrorCodes.NotNullViolation
            ? $"{error.ColumnName} is required."
            : ConstraintRules.Describe(error.ConstraintName);
}
