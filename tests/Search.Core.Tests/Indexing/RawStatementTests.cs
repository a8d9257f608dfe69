using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

/// <summary>The writer's statements run through SQLite's own interface: what they bind is what the file holds.</summary>
public class RawStatementTests
{
    /// <summary>A connection to a new file in <paramref name="temp"/> with one table t of these columns.</summary>
    private static SqliteConnection Table(TempFolder temp, string columns)
    {
        var connection = new SqliteConnection($"Data Source={temp.Combine("raw.db")}");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = $"CREATE TABLE t({columns})";
        create.ExecuteNonQuery();
        return connection;
    }

    [Test]
    public void Every_parameter_keeps_its_own_value_though_texts_share_one_buffer()
    {
        using var temp = new TempFolder();
        using var connection = Table(temp, "a INTEGER, b TEXT, c TEXT, d BLOB, e BLOB, f REAL, g TEXT, h REAL");

        var longText = string.Concat(Enumerable.Repeat("گزارش کشتار ۱۳۶۷ ", 2_000)); // longer than the first buffer
        using (var insert = new RawStatement(connection, "INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))
        {
            insert.Bind(1, 42L);
            insert.Bind(2, "زندان اوین");
            insert.Bind(3, longText);
            insert.Bind(4, new byte[] { 1, 2, 3 });
            insert.Bind(5, ReadOnlySpan<byte>.Empty);
            insert.Bind(6, (double?)2.5);
            insert.Bind(7, (string?)null);
            insert.Bind(8, (double?)null);
            insert.Execute();
            Assert.That(insert.LastRowid, Is.EqualTo(1));
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT a, b, c, d, e, typeof(e), f, g IS NULL, h IS NULL FROM t";
        using var reader = read.ExecuteReader();
        Assert.That(reader.Read(), Is.True);
        Assert.That(reader.GetInt64(0), Is.EqualTo(42));
        Assert.That(reader.GetString(1), Is.EqualTo("زندان اوین"));
        Assert.That(reader.GetString(2), Is.EqualTo(longText));
        Assert.That(reader.GetFieldValue<byte[]>(3), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(reader.GetString(5), Is.EqualTo("blob"), "an empty blob stays a blob, not NULL");
        Assert.That(reader.GetDouble(6), Is.EqualTo(2.5));
        Assert.That((reader.GetBoolean(7), reader.GetBoolean(8)), Is.EqualTo((true, true)));
    }

    [Test]
    public void A_failing_statement_throws_the_sqlite_error()
    {
        using var temp = new TempFolder();
        using var connection = Table(temp, "a INTEGER UNIQUE");

        using var insert = new RawStatement(connection, "INSERT INTO t VALUES (?1)");
        insert.Bind(1, 7L);
        insert.Execute();
        insert.Bind(1, 7L);
        var error = Assert.Throws<SqliteException>(insert.Execute)!;
        Assert.That(error.Message, Does.Contain("UNIQUE"));
    }
}
