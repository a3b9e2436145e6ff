namespace TriviaNft.Migrator.Engine;

/// <summary>One migration file: <c>&lt;number&gt;_&lt;name&gt;.sql</c> split into its up and down sections.</summary>
/// <param name="Number">The numeric prefix that orders migrations.</param>
/// <param name="Name">The file name without extension: the key in <c>pgmigrations.name</c>.</param>
/// <param name="FilePath">Where the file was read from, for messages.</param>
/// <param name="Up">The up section and where it starts in the file.</param>
/// <param name="Down">The down section, or null when the file has no <c>-- Down Migration</c> marker.</param>
/// <param name="UseTransaction">False when the file opts out with <c>-- migrate:no-transaction</c>.</param>
/// <param name="Checksum">SHA-256 of the file (line endings normalised), hex.</param>
public sealed record Migration(
    long Number,
    string Name,
    string FilePath,
    MigrationSection Up,
    MigrationSection? Down,
    bool UseTransaction,
    string Checksum)
{
    /// <summary>The file name with extension, as people see it.</summary>
    public string FileName => Path.GetFileName(FilePath);
}

/// <summary>The SQL of one direction, with the offset of its first character in the file.</summary>
public sealed record MigrationSection(string Sql, int Offset);
