using Microsoft.Data.Sqlite;

namespace Search.Core.Searching;

/// <summary>Loads every facet dimension of an index into memory when the index opens.</summary>
internal static class FacetStore
{
    public static Dictionary<string, FacetDimension> Load(SqliteConnection connection, long maxRowid)
    {
        var rows = new Dictionary<string, List<(long Doc, string Value, string Label, string? LabelFa, double Number, double Upper)>>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT doc, dim, value, label, label_fa, num, upper FROM facets ORDER BY dim, doc";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var dim = reader.GetString(1);
                if (!rows.TryGetValue(dim, out var list))
                {
                    rows[dim] = list = [];
                }

                list.Add((
                    reader.GetInt64(0),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? double.NaN : reader.GetDouble(5),
                    reader.IsDBNull(6) ? double.NaN : reader.GetDouble(6)));
            }
        }

        var dimensions = new Dictionary<string, FacetDimension>(StringComparer.Ordinal);
        foreach (var (name, list) in rows)
        {
            dimensions[name] = Build(name, list, maxRowid);
        }

        return dimensions;
    }

    private static FacetDimension Build(string name, List<(long Doc, string Value, string Label, string? LabelFa, double Number, double Upper)> rows, long maxRowid)
    {
        var ordinalOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<string>();
        var labels = new List<string>();
        var labelsFa = new List<string?>();
        var numbers = new List<double>();
        var uppers = new List<double>();
        var offsets = new int[maxRowid + 2];
        var ordinals = new int[rows.Count];
        var i = 0;
        foreach (var row in rows)
        {
            if (!ordinalOf.TryGetValue(row.Value, out var ordinal))
            {
                ordinal = values.Count;
                ordinalOf[row.Value] = ordinal;
                values.Add(row.Value);
                labels.Add(row.Label);
                labelsFa.Add(row.LabelFa);
                numbers.Add(row.Number);
                uppers.Add(row.Upper);
            }

            ordinals[i++] = ordinal;
            offsets[row.Doc + 1]++;
        }

        for (var r = 1; r < offsets.Length; r++)
        {
            offsets[r] += offsets[r - 1];
        }

        return new FacetDimension(name, [.. values], [.. labels], [.. labelsFa], [.. numbers], [.. uppers], offsets, ordinals);
    }
}
