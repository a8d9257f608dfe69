using System.CommandLine;
using System.Text;
using Search.Cli.Commands;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
Console.InputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

var root = new RootCommand("Indexer and tools of the Persian–English human-rights documentation search.")
{
    IndexCommand.Create(),
    SearchCommand.Create(),
    AnalyzeCommand.Create(),
    StemCommand.Create(),
    ExtractCommand.Create(),
};

return root.Parse(args).Invoke();
