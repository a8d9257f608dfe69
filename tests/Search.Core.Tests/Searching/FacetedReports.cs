namespace Search.Core.Tests.Searching;

/// <summary>
/// Short reports with a date, a place, a figure and a few words each, a quarter with a Persian sentence: enough
/// documents and facet values for the facet counting tests to compare ways of counting.
/// </summary>
internal static class FacetedReports
{
    public static Dictionary<string, string> Files(int count, int seed)
    {
        var random = new Random(seed);
        string[] places = ["Tehran", "Mashhad", "Shiraz", "Tabriz", "Evin prison"];
        string[] words = ["prison", "report", "witness", "court", "letter"];
        var files = new Dictionary<string, string>();
        for (var i = 0; i < count; i++)
        {
            var persian = i % 4 == 0 ? "گزارش زندان اوین در تهران. " : "";
            var text = string.Join(' ', Enumerable.Range(0, 2 + random.Next(5)).Select(_ => words[random.Next(words.Length)]));
            files[$"d{i:D3}.txt"] = $"{persian}On {1 + random.Next(28)} March {1988 + random.Next(30)} in {places[random.Next(places.Length)]}, {text}: {random.Next(2, 900)} prisoners.";
        }

        return files;
    }
}
