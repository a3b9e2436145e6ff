using TriviaNft.Migrator.Engine;

namespace TriviaNft.Tests.Migrator;

public sealed class MigrationSourceTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("trivianft-source-");

    [Fact]
    public void OrdersByNumericPrefixNotByText()
    {
        Write("10_ten.sql", "SELECT 10;");
        Write("9_nine.sql", "SELECT 9;");
        Write("1_one.sql", "SELECT 1;");

        var names = MigrationSource.Load(_dir.FullName).Select(m => m.Name);

        Assert.Equal(["1_one", "9_nine", "10_ten"], names);
    }

    [Fact]
    public void SplitsUpAndDownAtTheMarkersAndDefaultsToAllUp()
    {
        Write("1_both.sql", "-- header\n-- Up Migration\nCREATE TABLE x (id int);\n-- Down Migration\nDROP TABLE x;\n");
        Write("2_plain.sql", "CREATE TABLE y (id int);\n");

        var migrations = MigrationSource.Load(_dir.FullName);

        Assert.Equal("CREATE TABLE x (id int);", migrations[0].Up.Sql.Trim());
        Assert.Equal("DROP TABLE x;", migrations[0].Down!.Sql.Trim());
        Assert.Equal("CREATE TABLE y (id int);", migrations[1].Up.Sql.Trim());
        Assert.Null(migrations[1].Down);
        Assert.True(migrations[0].UseTransaction);
    }

    [Fact]
    public void TheOptOutMarkerTurnsOffTheTransaction()
    {
        Write("1_concurrently.sql", "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (c);\n");

        Assert.False(MigrationSource.Load(_dir.FullName)[0].UseTransaction);
    }

    [Fact]
    public void ChecksumsIgnoreLineEndingStyle()
    {
        Write("1_lf.sql", "SELECT 1;\nSELECT 2;\n");
        var lf = MigrationSource.Load(_dir.FullName)[0].Checksum;
        Write("1_lf.sql", "SELECT 1;\r\nSELECT 2;\r\n");

        Assert.Equal(lf, MigrationSource.Load(_dir.FullName)[0].Checksum);
    }

    [Theory]
    [InlineData("initial.sql")]
    [InlineData("1-initial.sql")]
    [InlineData("x_initial.sql")]
    public void AFileWithoutANumericPrefixIsAConfigurationError(string fileName)
    {
        Write(fileName, "SELECT 1;");

        var error = Assert.Throws<MigrationConfigurationException>(() => MigrationSource.Load(_dir.FullName));
        Assert.Contains(fileName, error.Message);
    }

    [Fact]
    public void TwoFilesWithTheSameNumberAreAConfigurationError()
    {
        Write("1_a.sql", "SELECT 1;");
        Write("1_b.sql", "SELECT 1;");

        Assert.Throws<MigrationConfigurationException>(() => MigrationSource.Load(_dir.FullName));
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir.FullName, name), text);
}
