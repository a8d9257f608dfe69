using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Search.Core.Extraction;

namespace Search.Cli.Commands;

/// <summary>
/// search-cli extract [--json] FILE: every entity in a file with its kind, canonical value, label, the text as
/// written and its UTF-16 offsets; dates with ISO value, precision and calendar; figures with number, qualifier, unit.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A UTF-8 text file." };
        var json = new Option<bool>("--json") { Description = "Write {\"entities\": [...]} instead of one line per entity." };
        var config = CommonOptions.Config();
        var command = new Command("extract", "List the persons, places, organizations, dates and figures a text states.") { file, json, config };
        command.SetAction(result => CommonOptions.Guard(() =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"error: {path.FullName} does not exist.");
                return 2;
            }

            var text = File.ReadAllText(path.FullName);
            var entities = CommonOptions.Settings(result.GetValue(config)).Extractor.Extract(text);
            using var output = CommonOptions.Out();
            if (result.GetValue(json))
            {
                var array = new JsonArray([.. entities.Select(ToJson)]);
                output.WriteLine(new JsonObject { ["entities"] = array }.ToJsonString(new JsonSerializerOptions(EntityJson.Options) { WriteIndented = true }));
                return 0;
            }

            foreach (var e in entities)
            {
                output.WriteLine($"{e.Kind}\t{e.Value}\t{e.Label}\t{e.Text.ReplaceLineEndings(" ")}\t{e.Start}\t{e.End}\t{Details(e)}");
            }

            return 0;
        }));
        return command;
    }

    /// <summary>The JSON form: a figure's value is a number (the lower bound, with upper beside it); other values are strings.</summary>
    private static JsonNode ToJson(Entity e)
    {
        var node = JsonSerializer.SerializeToNode(e, EntityJson.Options)!.AsObject();
        if (e.Kind == EntityKinds.Figure)
        {
            node["value"] = e.Number;
            node.Remove("number");
        }

        if (e.Kind != EntityKinds.Date)
        {
            node.Remove("from");
            node.Remove("to");
        }

        if (!e.Discovered)
        {
            node.Remove("discovered");
        }

        return node;
    }

    private static string Details(Entity e) => e.Kind switch
    {
        EntityKinds.Date => $"precision={e.Precision} calendar={e.Calendar}{(e.SolarHijri is null ? "" : " solarHijri=" + e.SolarHijri)}{(e.Part is null ? "" : " part=" + e.Part)}",
        EntityKinds.Figure => $"number={e.Number}{(e.Upper is null ? "" : " upper=" + e.Upper)}{(e.Qualifier is null ? "" : " qualifier=" + e.Qualifier)}{(e.Unit is null ? "" : " unit=" + e.Unit)}",
        _ => e.Discovered ? "discovered" : e.Type ?? "",
    };
}
