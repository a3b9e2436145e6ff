namespace TriviaNft.Data.Jobs;

/// <summary>No job has the name asked for.</summary>
public sealed class JobNotFoundException(string name, IEnumerable<string> known)
    : Exception($"Unknown job '{name}'. Jobs: {string.Join(", ", known)}.")
{
    /// <summary>The name asked for.</summary>
    public string Name { get; } = name;
}
