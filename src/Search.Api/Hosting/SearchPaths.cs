using Microsoft.Extensions.Options;

namespace Search.Api.Hosting;

/// <summary>The service's folders, resolved once: relative paths are taken from the folder that holds index-config.</summary>
internal sealed class SearchPaths
{
    public SearchPaths(IOptions<SearchServiceOptions> options)
    {
        var o = options.Value;
        ConfigDirectory = Search.Core.Configuration.ConfigDirectory.Resolve(o.ConfigPath);
        var root = Path.GetDirectoryName(ConfigDirectory)!;
        IndexDirectory = Path.GetFullPath(o.IndexPath, root);
        Sources = [.. o.Sources.Select(s => Path.GetFullPath(s, root))];
    }

    public string ConfigDirectory { get; }

    public string IndexDirectory { get; }

    public IReadOnlyList<string> Sources { get; }
}
