using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TriviaNft.Migrator.Engine;

/// <summary>
/// Reads a migrations directory in node-pg-migrate's SQL format: files <c>&lt;n&gt;_&lt;name&gt;.sql</c>
/// ordered by <c>n</c>, with <c>-- Up Migration</c> / <c>-- Down Migration</c> markers (no markers: the
/// whole file is the up part).
/// </summary>
public static partial class MigrationSource
{
    /// <summary>The whole-line comment that makes a file run outside a transaction.</summary>
    public const string NoTransactionMarker = "-- migrate:no-transaction";

    /// <summary>The migrations shipped next to the migrator's binaries.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "migrations");

    /// <summary>Loads, parses and orders every migration in <paramref name="directory"/>.</summary>
    /// <exception cref="MigrationConfigurationException">The directory is missing, or a file name or number is invalid.</exception>
    public static IReadOnlyList<Migration> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new MigrationConfigurationException($"The migrations directory '{directory}' does not exist.");
        }

        var migrations = Directory.EnumerateFiles(directory, "*.sql")
            .Select(Parse)
            .OrderBy(m => m.Number)
            .ToList();

        var duplicate = migrations.GroupBy(m => m.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new MigrationConfigurationException(
                $"Two migrations share the number {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.FileName))}.");
        }

        return migrations;
    }

    /// <summary>Parses one migration file.</summary>
    public static Migration Parse(string path)
    {
        var fileName = Path.GetFileNameWithoutExtension(path);
        var match = FileNamePattern().Match(fileName);
        if (!match.Success || !long.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new MigrationConfigurationException(
                $"'{Path.GetFileName(path)}' is not a migration file name: expected <number>_<name>.sql, e.g. 3_add-indexes.sql.");
        }

        // Normalised so a checkout with CRLF line endings has the same checksum and line numbers.
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var (up, down) = Sections(text);
        var useTransaction = !Regex.IsMatch(text, $@"^\s*{Regex.Escape(NoTransactionMarker)}\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new Migration(number, fileName, path, up, down, useTransaction, checksum);
    }

    /// <summary>Line and column (both 1-based) of <paramref name="offset"/> in the normalised text of <paramref name="path"/>.</summary>
    public static (int Line, int Column) LineAndColumn(string path, int offset)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1 + text.AsSpan(0, offset).Count('\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        return (line, offset - lineStart + 1);
    }

    private static (MigrationSection Up, MigrationSection? Down) Sections(string text)
    {
        var up = UpMarker().Match(text);
        var down = DownMarker().Match(text);
        if (!up.Success && !down.Success)
        {
            return (new MigrationSection(text, 0), null);
        }

        var upStart = up.Success ? up.Index + up.Length : 0;
        var upEnd = down.Success && down.Index > upStart ? down.Index : text.Length;
        var upSection = new MigrationSection(text[upStart..upEnd], upStart);
        if (!down.Success)
        {
            return (upSection, null);
        }

        var downStart = down.Index + down.Length;
        var downEnd = up.Success && up.Index > downStart ? up.Index : text.Length;
        return (upSection, new MigrationSection(text[downStart..downEnd], downStart));
    }

    [GeneratedRegex(@"^(?<number>\d+)_(?<name>[A-Za-z0-9][A-Za-z0-9_.-]*)$")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"^[ \t]*--[ \t]*Up Migration\b.*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex UpMarker();

    [GeneratedRegex(@"^[ \t]*--[ \t]*Down Migration\b.*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex DownMarker();
}
