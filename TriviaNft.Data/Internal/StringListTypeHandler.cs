using System.Data;
using Dapper;

namespace TriviaNft.Data.Internal;

/// <summary>
/// Lets Dapper fill <see cref="IReadOnlyList{T}"/> of string members from <c>text[]</c> columns (Npgsql reads them
/// as <c>string[]</c>, which Dapper will not assign to the interface by itself).
/// </summary>
internal sealed class StringListTypeHandler : SqlMapper.TypeHandler<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Parse(object value) => (string[])value;

    public override void SetValue(IDbDataParameter parameter, IReadOnlyList<string>? value) =>
        parameter.Value = value?.ToArray() ?? (object)DBNull.Value;
}
