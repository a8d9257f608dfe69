using Microsoft.Data.Sqlite;

namespace Search.Core.Indexing;

/// <summary>
/// The tables of one index generation. Original text and metadata live in ordinary tables; the inverted index is
/// the postings table: per column and term, the documents that hold it with how often, and where (see
/// <see cref="PostingsBuffer"/> for the format). Its terms are our analyzed terms, split as <see cref="FtsTokens"/>
/// splits them.
/// Until schema version 4 an FTS5 table held the same terms; by then it answered only phrases, which read whole
/// position lists through it, so version 5 answers phrases from the positions in our postings and has no FTS5 table
/// (docs/performance.md has the measurements).
/// A document is two rows. The docs row is narrow, everything opening a generation reads for every document
/// (publication date, the number of terms per column that BM25 needs, and its facet values as ids of facet_values,
/// delta varints) and what an incremental run compares (hash): a million of them are read in one short scan. The
/// texts row holds what only a hit needs: the text, and its entities in text order (<see cref="Extraction.StoredEntities"/>:
/// since version 6 each distinct entity once and each mention as offsets; a JSON array of every mention until then). (Until version 4
/// the text sat in the docs row, so opening a generation read through all of it, and every facet value and every
/// entity was a row of its own: some thirty-five rows a document.)
/// Since version 7 the title sits in the docs row (and no longer in the texts row): a page of hits without snippets
/// reads one narrow row a hit, where it read a texts row too, deep in a B-tree that spans every text (10 hits of a
/// million documents: 40-44 µs against 94-108; opening scans the titles as well, 0.2 s either way when cached).
/// In the postings table, doc_count (how many documents a chunk lists) comes before the blobs so that reading the
/// vocabulary with its document frequencies never reads a blob, and data before pos so that a query that needs no
/// positions stops reading a row before them.
/// </summary>
public static class IndexSchema
{
    public const int Version = 7;

    /// <summary>Metadata key: the sequence number of the last postings flush.</summary>
    public const string PostingsSequenceKey = "postings_seq";

    /// <summary>
    /// Metadata key: a mark every commit of a change replaces, so that a process serving the file can tell that
    /// another process changed it in place (an incremental run from the command line).
    /// </summary>
    public const string ChangeKey = "change";

    private const string CreateSql = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE docs(
            rowid INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL,
            lang TEXT NOT NULL,
            published TEXT,
            lengths BLOB NOT NULL,
            facets BLOB NOT NULL,
            title TEXT NOT NULL);
        CREATE TABLE texts(
            doc INTEGER PRIMARY KEY,
            byline TEXT,
            source TEXT NOT NULL,
            body TEXT NOT NULL,
            entities BLOB);
        CREATE TABLE facet_values(
            id INTEGER PRIMARY KEY,
            dim TEXT NOT NULL,
            value TEXT NOT NULL,
            label TEXT NOT NULL,
            label_fa TEXT,
            num REAL,
            upper REAL,
            UNIQUE(dim, value));
        CREATE TABLE postings(
            col INTEGER NOT NULL,
            term TEXT NOT NULL,
            seq INTEGER NOT NULL,
            doc_count INTEGER NOT NULL,
            data BLOB NOT NULL,
            pos BLOB NOT NULL,
            PRIMARY KEY(col, term, seq)) WITHOUT ROWID;
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
