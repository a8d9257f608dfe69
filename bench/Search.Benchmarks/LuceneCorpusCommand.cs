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
        var facets = new Dictionary<long, Dictionary<string, HashSet<string>>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT doc, dim, value, num FROM facets WHERE dim <> 'lang'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var doc = reader.GetInt64(0);
                var dim = reader.GetString(1);
                var value = dim switch
                {
                    "date" when !reader.IsDBNull(3) => ((long)reader.GetDouble(3) / 10000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "figure" when !reader.IsDBNull(3) => Magnitude(reader.GetDouble(3)),
                    _ => reader.GetString(2),
                };
                if (!facets.TryGetValue(doc, out var dims))
                {
                    facets[doc] = dims = [];
                }

                if (!dims.TryGetValue(dim, out var values))
                {
                    dims[dim] = values = [];
                }

                values.Add(value);
            }
        }

        using var output = new StreamWriter(a.Get("out"), false, new System.Text.UTF8Encoding(false), 1 << 20);
        using var docs = connection.CreateCommand();
        docs.CommandText = "SELECT rowid, id, lang, title, body, published FROM docs ORDER BY rowid";
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

            if (facets.TryGetValue(rows.GetInt64(0), out var dims))
            {
                var facetObject = new JsonObject();
                foreach (var (dim, values) in dims)
                {
                    facetObject[dim == "date" ? "year" : dim] = new JsonArray([.. values.Order(StringComparer.Ordinal).Select(v => (JsonNode)v)]);
                }

                record["facets"] = facetObject;
            }

            output.WriteLine(record.ToJsonString());
            count++;
        }

        Console.Error.WriteLine($"wrote {count} documents for Lucene to {a.Get("out")}");
        return 0;
    }

    private static string Magnitude(double n) => n < 10 ? "0-9" : $"{Math.Pow(10, Math.Floor(Math.Log10(n))):0}+";
}
