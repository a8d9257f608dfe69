using Microsoft.Data.Sqlite;

namespace Search.Core.Indexing;

/// <summary>
/// The tables of one index generation. Original text and metadata live in ordinary tables; the FTS5 table is
/// contentless and receives only our analyzed terms joined by spaces, through FTS5's ascii tokenizer: it splits on
/// spaces and ASCII punctuation and treats every non-ASCII character as part of a word, so it never re-analyzes
/// Persian (unicode61 would split words at ZWNJ and at every haraka). '.' and '_' are word characters so that
/// "3.5", "8.8.1" and facet tokens such as "lang_fa" survive whole.
/// The body comes last in the docs table: the short columns that opening a generation (published) and an incremental
/// run (hash) read for every document sit at the start of each row, before the body's overflow pages, which SQLite
/// then never reads for them.
/// Beside FTS5, the postings table holds each term's documents and frequencies in our own compact form: FTS5 answers
/// phrases, and the postings let us rank and count without asking FTS5 to score every match (see PostingsBuffer).
/// </summary>
public static class IndexSchema
{
    public const int Version = 4;

    /// <summary>Metadata key: the sequence number of the last postings flush.</summary>
    public const string PostingsSequenceKey = "postings_seq";

    private const string CreateSql = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE docs(
            rowid INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL,
            lang TEXT NOT NULL,
            published TEXT,
            title TEXT NOT NULL,
            byline TEXT,
            source TEXT NOT NULL,
            body TEXT NOT NULL);
        CREATE TABLE facets(
            doc INTEGER NOT NULL,
            dim TEXT NOT NULL,
            value TEXT NOT NULL,
            label TEXT NOT NULL,
            label_fa TEXT,
            num REAL,
            upper REAL,
            PRIMARY KEY(doc, dim, value)) WITHOUT ROWID;
        CREATE TABLE entities(
            doc INTEGER NOT NULL,
            ord INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY(doc, ord)) WITHOUT ROWID;
        CREATE TABLE postings(
            col INTEGER NOT NULL,
            term TEXT NOT NULL,
            seq INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY(col, term, seq)) WITHOUT ROWID;
        CREATE VIRTUAL TABLE fts USING fts5(
            title, body, tags,
            content='', contentless_delete=1,
            tokenize="ascii tokenchars '._'");
        """;

    public static void Create(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = CreateSql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// WAL with synchronous=NORMAL is durable across process crashes and lets readers run beside the writer. A page
    /// cache of 128 MB instead of SQLite's 2 MB keeps the B-trees a large write touches in memory.
    /// </summary>
    public static void ConfigureForWriting(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA cache_size=-131072;");
    }

    /// <summary>
    /// A new generation is read by nobody until it is published, and a build that dies is thrown away whole: it
    /// needs neither a journal nor syncs while it is written (every page would otherwise be written twice, to the WAL
    /// and then to the file). <see cref="ConfigureForServing"/> turns WAL on before it is published.
    /// </summary>
    public static void ConfigureForBuilding(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA busy_timeout=10000; PRAGMA cache_size=-131072;");
    }

    public static void ConfigureForServing(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static string ConnectionString(string path, bool readOnly) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 10,
    }.ToString();
}
