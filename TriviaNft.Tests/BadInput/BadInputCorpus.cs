namespace TriviaNft.Tests.BadInput;

/// <summary>Every case of the corpus, by unique name (the name is the theory's data, so each case is one result line).</summary>
internal static class BadInputCorpus
{
    public static readonly IReadOnlyDictionary<string, BadInputCase> Cases =
        PlayerCases.All().Concat(QuestionCases.All()).Concat(SessionCases.All()).Concat(NftCases.All())
            .Concat(BoardCases.All()).Concat(GameCases.All())
            .ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static IEnumerable<object[]> Names => Cases.Keys.Select(name => new object[] { name });
}
