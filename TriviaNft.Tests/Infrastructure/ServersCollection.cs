namespace TriviaNft.Tests.Infrastructure;

/// <summary>Every test that needs a real server joins this collection and shares one <see cref="ServersFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "servers";
}
