using System.CommandLine;
using Search.Core.Languages.English;
using Search.Core.Languages.Persian;

namespace Search.Cli.Commands;

/// <summary>search-cli stem --language en|fa: one word per input line, its stem per output line.</summary>
internal static class StemCommand
{
    public static Command Create()
    {
        var language = new Option<string>("--language") { Description = "en (Snowball English / Porter2) or fa (light Persian stemmer).", Required = true };
        language.AcceptOnlyFromAmong("en", "fa");
        var config = CommonOptions.Config();
        var command = new Command("stem", "Stem one word per line from standard input.") { language, config };
        command.SetAction(result => CommonOptions.Guard(() =>
        {
            Func<string, string> stem;
            if (result.GetValue(language) == "en")
            {
                stem = word => word.Length == 0 ? word : Porter2Stemmer.Stem(word.ToLowerInvariant());
            }
            else
            {
                var stemmer = CommonOptions.Analyzers(result.GetValue(config)).PersianStemmer;
                stem = word => stemmer.Stem(PersianLetters.Normalize(word));
            }

            using var output = CommonOptions.Out();
            foreach (var line in CommonOptions.InputLines())
            {
                output.WriteLine(stem(line.Trim()));
            }

            return 0;
        }));
        return command;
    }
}
