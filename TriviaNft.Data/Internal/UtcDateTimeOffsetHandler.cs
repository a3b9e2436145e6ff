using System.Data;
using Dapper;

namespace TriviaNft.Data.Internal;

/// <summary>
/// Lets Dapper map <c>timestamptz</c> to <see cref="DateTimeOffset"/> both ways: Npgsql reads the column as a
/// UTC <see cref="DateTime"/>, and writes a <see cref="DateTimeOffset"/> only when its offset is zero.
/// </summary>
internal sealed class UtcDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset offset => offset,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a DateTimeOffset."),
    };

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) =>
        parameter.Value = value.ToUniversalTime();
}
