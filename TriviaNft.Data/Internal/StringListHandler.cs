using System.Data;
using Dapper;

namespace TriviaNft.Data.Internal;

/// <summary>Lets Dapper read a PostgreSQL <c>text[]</c> (a <see cref="string"/> array) into an <see cref="IReadOnlyList{T}"/> member.</summary>
internal sealed class StringListHandler : SqlMapper.TypeHandler<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Parse(object value) => value switch
    {
        string[] array => array,
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a list of strings."),
    };

    public override void SetValue(IDbDataParameter parameter, IReadOnlyList<string>? value) =>
        parameter.Value = value?.ToArray() ?? (object)DBNull.Value;
}
