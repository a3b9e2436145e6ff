using TriviaNft.Migrator.Engine;

namespace TriviaNft.Tests.Migrator;

public sealed class SqlStatementSplitterTests
{
    [Fact]
    public void SplitsAtTopLevelSemicolonsAndKeepsOffsets()
    {
        const string sql = "CREATE TABLE a (id int);\n  INSERT INTO a VALUES (1);";

        var statements = SqlStatementSplitter.Split(sql);

        Assert.Equal(["CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)"], statements.Select(s => s.Sql));
        Assert.Equal(sql.IndexOf("INSERT", StringComparison.Ordinal), statements[1].Offset);
    }

    [Fact]
    public void IgnoresSemicolonsInsideQuotesCommentsAndDollarQuotes()
    {
        const string sql = """
            INSERT INTO t VALUES ('a;b', 'it''s; fine', E'back\';slash');
            -- a comment; with a semicolon
            /* block; /* nested; */ still comment; */
            CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;
            SELECT "odd;name" FROM t;
            DO $$ BEGIN PERFORM 1; END $$;
            """;

        var statements = SqlStatementSplitter.Split(sql);

        Assert.Equal(4, statements.Count);
        Assert.StartsWith("INSERT", statements[0].Sql);
        Assert.EndsWith("LANGUAGE plpgsql", statements[1].Sql);
        Assert.Equal("SELECT \"odd;name\" FROM t", statements[2].Sql);
        Assert.Equal("DO $$ BEGIN PERFORM 1; END $$", statements[3].Sql);
    }

    [Fact]
    public void DropsCommentOnlyPartsAndKeepsAFinalStatementWithoutSemicolon()
    {
        var statements = SqlStatementSplitter.Split("-- only a comment;\n;\nSELECT $1::int");

        Assert.Equal(["SELECT $1::int"], statements.Select(s => s.Sql));
    }
}
