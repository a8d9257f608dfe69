using System.Diagnostics;
using System.Text;

namespace Search.Cli.Tests;

/// <summary>Runs the real command-line program (search-cli.dll beside the tests) with arguments and standard input.</summary>
internal static class CliProcess
{
    public static string Root { get; } = FindRoot();

    public static (int ExitCode, string Output, string Error) Run(string arguments, string? input = null)
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "search-cli.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"search-cli {arguments} did not finish in 60 s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Search.sln not found above the test directory.");
    }
}
