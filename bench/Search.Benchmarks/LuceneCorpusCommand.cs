using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Benchmarks;

/// <summary>
/// Writes our indexed documents, with the facet values our extraction found, in the Lucene harness's corpus format,
/// so both engines index the same text and count the same facets (person, place, org, lang, year, figure magnitude).
/// </summary>
internal static class LuceneCorpusCommand
{
    public static int Run(Arguments a)
    {
        var path = new IndexDirectory(a.Get("index")).CurrentGeneration() ?? throw new InvalidOperationException("no index");
        using var connection = new SqliteConnection(IndexSchema.ConnectionString(path, readOnly: true));
        connection.Open();
        // Each facet value once, by id, as Lucene's field value: a date by its year, a figure by its order of magnitude.
        var values = new Dictionary<long, (string Dimension, string Value)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, dim, value, num FROM facet_values WHERE dim <> 'lang'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var dim = reader.GetString(1);
                values[reader.GetInt64(0)] = (dim, dim switch
                {
                    "date" when !reader.IsDBNull(3) => ((long)reader.GetDouble(3) / 10000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "figure" when !reader.IsDBNull(3) => Magnitude(reader.GetDouble(3)),
                    _ => reader.GetString(2),
                });
            }
        }

        using var output = new StreamWriter(a.Get("out"), false, new System.Text.UTF8Encoding(false), 1 << 20);
        using var docs = connection.CreateCommand();
        docs.CommandText = "SELECT d.rowid, d.id, d.lang, d.title, t.body, d.published, d.facets FROM docs d JOIN texts t ON t.doc = d.rowid ORDER BY d.rowid";
        using var rows = docs.ExecuteReader();
        var count = 0;
        while (rows.Read())
        {
            var record = new JsonObject
            {
                ["id"] = rows.GetString(1),
                ["lang"] = rows.GetString(2),
                ["title"] = rows.GetString(3),
                ["body"] = rows.GetString(4),
            };
            if (!rows.IsDBNull(5))
            {
                record["date"] = rows.GetString(5);
            }

            var dims = Facets((byte[])rows.GetValue(6), values);
            if (dims.Count > 0)
            {
                var facetObject = new JsonObject();
                foreach (var (dim, names) in dims)
                {
                    facetObject[dim == "date" ? "year" : dim] = new JsonArray([.. names.Order(StringComparer.Ordinal).Select(v => (JsonNode)v)]);
                }

                record["facets"] = facetObject;
            }

            output.WriteLine(record.ToJsonString());
            count++;
        }

        Console.Error.WriteLine($"wrote {count} documents for Lucene to {a.Get("out")}");
        return 0;
    }

    /// <summary>A document's facet values by dimension, from the ids the docs table stores (ascending, delta varints).</summary>
    private static Dictionary<string, HashSet<string>> Facets(byte[] ids, Dictionary<long, (string Dimension, string Value)> values)
    {
        var dims = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var position = 0;
        long id = 0;
        while (position < ids.Length)
        {
            id += (long)Varint.Read(ids, ref position);
            if (values.TryGetValue(id, out var value))
            {
                if (!dims.TryGetValue(value.Dimension, out var names))
                {
                    dims[value.Dimension] = names = [];
                }

                names.Add(value.Value);
            }
        }

        return dims;
    }

    private static string Magnitude(double n) => n < 10 ? "0-9" : $"{Math.Pow(10, Math.Floor(Math.Log10(n))):0}+";
}
