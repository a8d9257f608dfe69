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
        Documents = Path.GetFullPath(o.DocumentsPath, root);
        Sources = [.. o.Sources.Select(s => Path.GetFullPath(s, root)).Append(Documents).Distinct()];
    }

    /// <summary>Where API-written documents are kept; also the last of <see cref="Sources"/>.</summary>
    public string Documents { get; }

    public string ConfigDirectory { get; }

    public string IndexDirectory { get; }

    public IReadOnlyList<string> Sources { get; }
}
