using System.CommandLine;
using System.Text.Json;

namespace Search.Cli.Commands;

/// <summary>
/// search-cli analyze --analyzer fa|en|auto [--json] [--no-stem]: one output line per input line, tokens as
/// term/start/end separated by TAB (offsets in UTF-16 code units of that line), or a JSON array per line.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var analyzerName = new Option<string>("--analyzer") { Description = "fa, en or auto (any analyzer index-config declares).", DefaultValueFactory = _ => "auto" };
        var json = new Option<bool>("--json") { Description = "Write a JSON array of {term,start,end,position} per line." };
        var noStem = new Option<bool>("--no-stem") { Description = "Leave out the stemming stages." };
        var config = CommonOptions.Config();
        var command = new Command("analyze", "Analyze UTF-8 lines from standard input.") { analyzerName, json, noStem, config };
        command.SetAction(result => CommonOptions.Guard(() =>
        {
            var analyzer = CommonOptions.Analyzers(result.GetValue(config)).Get(result.GetValue(analyzerName)!, stem: !result.GetValue(noStem));
            var asJson = result.GetValue(json);
            using var output = CommonOptions.Out();
            foreach (var line in CommonOptions.InputLines())
            {
                var tokens = analyzer.Analyze(line);
                if (asJson)
                {
                    output.WriteLine(JsonSerializer.Serialize(tokens.Select(t => new { term = t.Term, start = t.Start, end = t.End, position = t.Position })));
                }
                else
                {
                    output.WriteLine(string.Join('\t', tokens.Select(t => $"{t.Term}/{t.Start}/{t.End}")));
                }
            }

            return 0;
        }));
        return command;
    }
}
