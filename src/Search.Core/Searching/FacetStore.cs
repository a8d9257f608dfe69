using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Builds every facet dimension of an index in memory when the index opens: the facet_values table is read first
/// (labels and numbers by id), then each document's ids arrive from the one scan of the docs table, documents
/// ascending. A value gets an ordinal in its dimension when a document first names it, so values that only deleted
/// documents named are never shown. Nothing per document is kept but an int per value it names.
/// </summary>
internal sealed class FacetStore
{
    private readonly string[] _dimensions;
    private readonly string[] _values;
    private readonly string[] _labels;
    private readonly string?[] _labelsFa;
    private readonly double[] _numbers;
    private readonly double[] _uppers;
    private readonly int[] _ordinals; // by value id: its ordinal in its dimension, -1 until a document names it
    private readonly Dictionary<string, Builder> _builders = new(StringComparer.Ordinal);
    private readonly long _maxRowid;

    private FacetStore(int ids, long maxRowid)
    {
        _dimensions = new string[ids];
        _values = new string[ids];
        _labels = new string[ids];
        _labelsFa = new string?[ids];
        _numbers = new double[ids];
        _uppers = new double[ids];
        _ordinals = new int[ids];
        Array.Fill(_ordinals, -1);
        _maxRowid = maxRowid;
    }

    public static FacetStore ReadValues(SqliteConnection connection, long maxRowid)
    {
        using var max = connection.CreateCommand();
        max.CommandText = "SELECT coalesce(max(id), 0) FROM facet_values";
        var store = new FacetStore((int)(long)max.ExecuteScalar()! + 1, maxRowid);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, dim, value, label, label_fa, num, upper FROM facet_values";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = (int)reader.GetInt64(0);
            store._dimensions[id] = string.Intern(reader.GetString(1));
            store._values[id] = reader.GetString(2);
            store._labels[id] = reader.GetString(3);
            store._labelsFa[id] = reader.IsDBNull(4) ? null : reader.GetString(4);
            store._numbers[id] = reader.IsDBNull(5) ? double.NaN : reader.GetDouble(5);
            store._uppers[id] = reader.IsDBNull(6) ? double.NaN : reader.GetDouble(6);
        }

        return store;
    }

    /// <summary>One document's facet value ids, as the docs table stores them (ascending, delta varints).</summary>
    public void Add(long doc, byte[] ids)
    {
        var position = 0;
        long id = 0;
        while (position < ids.Length)
        {
            id += (long)Varint.Read(ids, ref position);
            var dimension = _dimensions[id];
            if (!_builders.TryGetValue(dimension, out var builder))
            {
                _builders[dimension] = builder = new Builder(_maxRowid);
            }

            if (_ordinals[id] < 0)
            {
                _ordinals[id] = builder.NewValue((int)id);
            }

            builder.Add(doc, _ordinals[id]);
        }
    }

    public Dictionary<string, FacetDimension> Build() =>
        _builders.ToDictionary(b => b.Key, b => b.Value.Build(b.Key, this), StringComparer.Ordinal);

    /// <summary>One dimension as its documents arrive, ascending.</summary>
    private sealed class Builder(long maxRowid)
    {
        private readonly List<int> _ids = []; // by ordinal
        private readonly int[] _offsets = new int[maxRowid + 2];
        private readonly List<int> _ordinals = [];

        public int NewValue(int id)
        {
            _ids.Add(id);
            return _ids.Count - 1;
        }

        public void Add(long doc, int ordinal)
        {
            _ordinals.Add(ordinal);
            _offsets[doc + 1]++;
        }

        public FacetDimension Build(string name, FacetStore store)
        {
            for (var r = 1; r < _offsets.Length; r++)
            {
                _offsets[r] += _offsets[r - 1];
            }

            return new FacetDimension(
                name,
                [.. _ids.Select(i => store._values[i])],
                [.. _ids.Select(i => store._labels[i])],
                [.. _ids.Select(i => store._labelsFa[i])],
                [.. _ids.Select(i => store._numbers[i])],
                [.. _ids.Select(i => store._uppers[i])],
                _offsets,
                [.. _ordinals]);
        }
    }
}
