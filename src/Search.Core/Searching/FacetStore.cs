using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Builds every facet dimension of an index in memory: when the index opens, the facet_values table is read first
/// (labels and numbers by id), then each document's ids arrive from the one scan of the docs table, documents
/// ascending. A value gets an ordinal in its dimension when a document first names it, so values that only deleted
/// documents named are never shown. Nothing per document is kept but an int per value it names.
/// After a live write the dimensions are extended instead (<see cref="Extend"/>): the documents added since arrive
/// the same way, and only the values not seen before are read.
/// </summary>
internal sealed class FacetStore
{
    private readonly FacetValueIds _ids;
    private readonly string[] _values;
    private readonly string[] _labels;
    private readonly string?[] _labelsFa;
    private readonly double[] _numbers;
    private readonly double[] _uppers;
    private readonly bool[] _read; // by value id: whether its row has been read into the arrays above
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, Builder> _builders = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, FacetDimension> _previous;
    private readonly long _maxRowid;

    private FacetStore(SqliteConnection connection, FacetValueIds ids, IReadOnlyDictionary<string, FacetDimension> previous, long maxRowid)
    {
        var count = ids.Count;
        _connection = connection;
        _ids = ids;
        _previous = previous;
        _values = new string[count];
        _labels = new string[count];
        _labelsFa = new string?[count];
        _numbers = new double[count];
        _uppers = new double[count];
        _read = new bool[count];
        _maxRowid = maxRowid;
    }

    /// <summary>The value ids of the dimensions built, with each value's ordinal: what a later extension starts from.</summary>
    public FacetValueIds Ids => _ids;

    /// <summary>A store for every document of the file: every value is read first.</summary>
    public static FacetStore ReadValues(SqliteConnection connection, long maxRowid)
    {
        var store = new FacetStore(connection, FacetValueIds.Empty.Extended(MaxId(connection)), new Dictionary<string, FacetDimension>(), maxRowid);
        store.ReadRows("SELECT id, dim, value, label, label_fa, num, upper FROM facet_values", null);
        return store;
    }

    /// <summary>
    /// A store that extends <paramref name="previous"/> (built with <paramref name="ids"/>) with the documents added
    /// after it, up to <paramref name="maxRowid"/>: the values added since are read now, an older value that no live
    /// document named before when a new document names it.
    /// </summary>
    public static FacetStore Extend(SqliteConnection connection, IReadOnlyDictionary<string, FacetDimension> previous, FacetValueIds ids, long maxRowid)
    {
        var store = new FacetStore(connection, ids.Extended(MaxId(connection)), previous, maxRowid);
        store.ReadRows("SELECT id, dim, value, label, label_fa, num, upper FROM facet_values WHERE id >= $from", ids.Count);
        return store;
    }

    private static int MaxId(SqliteConnection connection)
    {
        using var max = connection.CreateCommand();
        max.CommandText = "SELECT coalesce(max(id), 0) FROM facet_values";
        return (int)(long)max.ExecuteScalar()!;
    }

    private void ReadRows(string sql, long? from)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (from is not null)
        {
            command.Parameters.AddWithValue("$from", from.Value);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = (int)reader.GetInt64(0);
            _ids.Dimensions[id] = string.Intern(reader.GetString(1));
            _values[id] = reader.GetString(2);
            _labels[id] = reader.GetString(3);
            _labelsFa[id] = reader.IsDBNull(4) ? null : reader.GetString(4);
            _numbers[id] = reader.IsDBNull(5) ? double.NaN : reader.GetDouble(5);
            _uppers[id] = reader.IsDBNull(6) ? double.NaN : reader.GetDouble(6);
            _read[id] = true;
        }
    }

    /// <summary>One document's facet value ids, as the docs table stores them (ascending, delta varints).</summary>
    public void Add(long doc, byte[] ids)
    {
        var position = 0;
        long id = 0;
        while (position < ids.Length)
        {
            id += (long)Varint.Read(ids, ref position);
            var dimension = _ids.Dimensions[id]!;
            if (!_builders.TryGetValue(dimension, out var builder))
            {
                _builders[dimension] = builder = new Builder(_maxRowid, _previous.GetValueOrDefault(dimension));
            }

            if (_ids.Ordinals[id] < 0)
            {
                if (!_read[id])
                {
                    // An older value named by no document of the dimensions extended: its row is read now.
                    ReadRows("SELECT id, dim, value, label, label_fa, num, upper FROM facet_values WHERE id = $from", id);
                }

                _ids.Ordinals[id] = builder.NewValue((int)id);
            }

            builder.Add(doc, _ids.Ordinals[id]);
        }
    }

    /// <summary>Every dimension: those extended, and those of the store before that no added document names.</summary>
    /// <remarks>
    /// In the order of their first document, as a fresh load has them: the previous state's, then those the added
    /// documents bring. The facet views, and the counts kept per view for frequent words, follow this order.
    /// </remarks>
    public Dictionary<string, FacetDimension> Build()
    {
        var built = new Dictionary<string, FacetDimension>(StringComparer.Ordinal);
        foreach (var (name, dimension) in _previous)
        {
            // Rows past a dimension's own have none of its values: one no added document names serves them as it is.
            built[name] = _builders.TryGetValue(name, out var builder) ? builder.Build(name, this) : dimension;
        }

        foreach (var (name, builder) in _builders)
        {
            if (!built.ContainsKey(name))
            {
                built[name] = builder.Build(name, this);
            }
        }

        return built;
    }

    /// <summary>One dimension as its documents arrive, ascending, after the documents of its previous state, if any.</summary>
    private sealed class Builder
    {
        private readonly FacetDimension? _previous;
        private readonly List<int> _ids = []; // by ordinal past the previous state's
        private readonly int[] _offsets; // from the previous state's last row on: its end, then each added row's
        private readonly List<int> _ordinals = [];
        private readonly int _firstRow;
        private readonly int _firstOrdinal;

        public Builder(long maxRowid, FacetDimension? previous)
        {
            _previous = previous;
            _firstRow = previous?.Rows ?? 0;
            _firstOrdinal = previous?.Values.Length ?? 0;
            _offsets = new int[maxRowid + 2 - _firstRow];
        }

        public int NewValue(int id)
        {
            _ids.Add(id);
            return _firstOrdinal + _ids.Count - 1;
        }

        public void Add(long doc, int ordinal)
        {
            _ordinals.Add(ordinal);
            _offsets[doc + 1 - _firstRow]++;
        }

        public FacetDimension Build(string name, FacetStore store)
        {
            _offsets[0] = _previous?.Entries ?? 0;
            for (var r = 1; r < _offsets.Length; r++)
            {
                _offsets[r] += _offsets[r - 1];
            }

            string[] values = [.. _ids.Select(i => store._values[i])];
            string[] labels = [.. _ids.Select(i => store._labels[i])];
            string?[] labelsFa = [.. _ids.Select(i => store._labelsFa[i])];
            double[] numbers = [.. _ids.Select(i => store._numbers[i])];
            double[] uppers = [.. _ids.Select(i => store._uppers[i])];
            return _previous is null
                ? new FacetDimension(name, values, labels, labelsFa, numbers, uppers, _offsets, [.. _ordinals])
                : _previous.Extended(_offsets.AsSpan(1), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_ordinals), values, labels, labelsFa, numbers, uppers);
        }
    }
}

/// <summary>
/// By facet value id, the dimension it belongs to (null until its row is read) and its ordinal in that dimension (-1
/// until a document names it): the numbering a generation's dimensions were built with.
/// </summary>
internal sealed class FacetValueIds(string?[] dimensions, int[] ordinals)
{
    public static readonly FacetValueIds Empty = new([], []);

    public string?[] Dimensions => dimensions;

    public int[] Ordinals => ordinals;

    public int Count => ordinals.Length;

    /// <summary>A copy to be extended, with room for ids up to <paramref name="maxId"/>: the original is left as it is.</summary>
    public FacetValueIds Extended(int maxId)
    {
        var count = Math.Max(ordinals.Length, maxId + 1);
        var newDimensions = new string?[count];
        var newOrdinals = new int[count];
        dimensions.CopyTo(newDimensions, 0);
        ordinals.CopyTo(newOrdinals, 0);
        Array.Fill(newOrdinals, -1, ordinals.Length, count - ordinals.Length);
        return new FacetValueIds(newDimensions, newOrdinals);
    }
}
