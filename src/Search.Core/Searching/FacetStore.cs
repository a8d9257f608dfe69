using Microsoft.Data.Sqlite;

namespace Search.Core.Searching;

/// <summary>Loads every facet dimension of an index into memory when the index opens.</summary>
internal static class FacetStore
{
    /// <summary>
    /// One pass over the facets table in its own order (document, dimension, value), so SQLite sorts nothing; a
    /// value's labels and numbers are read once, when it is first seen, and a row otherwise costs two strings that
    /// are dropped at once. A million documents have some fifteen million rows: nothing per row is kept but an int.
    /// </summary>
    public static Dictionary<string, FacetDimension> Load(SqliteConnection connection, long maxRowid)
    {
        var builders = new Dictionary<string, Builder>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT doc, dim, value, label, label_fa, num, upper FROM facets";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var dim = reader.GetString(1);
                if (!builders.TryGetValue(dim, out var builder))
                {
                    builders[dim] = builder = new Builder(maxRowid);
                }

                builder.Add(reader.GetInt64(0), reader.GetString(2), reader);
            }
        }

        return builders.ToDictionary(b => b.Key, b => b.Value.Build(b.Key), StringComparer.Ordinal);
    }

    /// <summary>One dimension as its rows arrive, documents ascending.</summary>
    private sealed class Builder(long maxRowid)
    {
        private readonly Dictionary<string, int> _ordinalOf = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];
        private readonly List<string> _labels = [];
        private readonly List<string?> _labelsFa = [];
        private readonly List<double> _numbers = [];
        private readonly List<double> _uppers = [];
        private readonly int[] _offsets = new int[maxRowid + 2];
        private readonly List<int> _ordinals = [];

        public void Add(long doc, string value, SqliteDataReader row)
        {
            if (!_ordinalOf.TryGetValue(value, out var ordinal))
            {
                ordinal = _values.Count;
                _ordinalOf[value] = ordinal;
                _values.Add(value);
                _labels.Add(row.GetString(3));
                _labelsFa.Add(row.IsDBNull(4) ? null : row.GetString(4));
                _numbers.Add(row.IsDBNull(5) ? double.NaN : row.GetDouble(5));
                _uppers.Add(row.IsDBNull(6) ? double.NaN : row.GetDouble(6));
            }

            _ordinals.Add(ordinal);
            _offsets[doc + 1]++;
        }

        public FacetDimension Build(string name)
        {
            for (var r = 1; r < _offsets.Length; r++)
            {
                _offsets[r] += _offsets[r - 1];
            }

            return new FacetDimension(name, [.. _values], [.. _labels], [.. _labelsFa], [.. _numbers], [.. _uppers], _offsets, [.. _ordinals]);
        }
    }
}
