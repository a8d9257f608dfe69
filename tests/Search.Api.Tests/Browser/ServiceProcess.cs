using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Search.Api.Tests.Browser;

/// <summary>
/// The real service as a separate process on a free loopback port, over its own temp folder with a copy of the
/// seeds: what a browser talks to in production, not the in-process test server.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly bool _ownsFolder;

    /// <param name="folder">An existing service folder to start on again (after a kill); a new one with the seeds when null.</param>
    /// <param name="apiKey">A key to configure, for tests that write.</param>
    public ServiceProcess(string? folder = null, string? apiKey = null)
    {
        _ownsFolder = folder is null;
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "search-service-" + Guid.NewGuid().ToString("N"));
        var sources = Path.Combine(Folder, "sources");
        if (folder is null)
        {
            Directory.CreateDirectory(sources);
            foreach (var seed in Directory.GetFiles(RepositoryPaths.Seeds))
            {
                File.Copy(seed, Path.Combine(sources, Path.GetFileName(seed)));
            }
        }

        Port = FreePort();
        var project = Path.Combine(RepositoryPaths.Root, "src", "Search.Api");
        var configuration = TestContext.CurrentContext.TestDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "Search.Api.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{Port}")
        {
            // The content root is the working directory: the page's files are served from the project's wwwroot.
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Search__IndexPath"] = Path.Combine(Folder, "index");
        start.Environment["Search__Sources__0"] = sources;
        start.Environment["Search__DocumentsPath"] = Path.Combine(Folder, "documents");
        start.Environment["Search__ConfigPath"] = RepositoryPaths.Config;
        start.Environment["Access__ReadsPerMinute"] = "100000";
        if (apiKey is not null)
        {
            start.Environment["ApiKeys__0"] = apiKey;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Log.Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Log.Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilHealthy();
    }

    public string Folder { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public System.Collections.Concurrent.ConcurrentBag<string?> Log { get; } = [];

    private void WaitUntilHealthy()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode}: {string.Join('\n', Log)}");
            }

            try
            {
                if (http.GetAsync(BaseUrl + "/health").Result.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (AggregateException)
            {
                // not listening yet
            }

            Thread.Sleep(200);
        }

        throw new TimeoutException($"The service did not become healthy in 60 s: {string.Join('\n', Log)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no chance to finish anything.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        if (!_ownsFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
