using System.ComponentModel.DataAnnotations;

namespace Search.Api.Hosting;

/// <summary>
/// The "Search" configuration section. Relative paths are resolved against the folder that holds index-config
/// (the repository root in a checkout, /app in the container), whatever the working directory.
/// </summary>
public sealed class SearchServiceOptions
{
    public const string Section = "Search";

    /// <summary>The index folder: generations and the CURRENT pointer.</summary>
    [Required]
    public string IndexPath { get; set; } = "data/index";

    /// <summary>
    /// Folders of documents to index; the seeds when none is configured. (No initializer: the configuration binder
    /// appends to an existing array instead of replacing it.)
    /// </summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>Where documents sent with PUT are kept as files; a source of every reindex.</summary>
    public string DocumentsPath { get; set; } = "data/documents";

    /// <summary>The index-config folder; found by walking up from the working directory when not set.</summary>
    public string? ConfigPath { get; set; }

    /// <summary>
    /// How often, in seconds, the service reads CURRENT for a generation that another process published (a reindex
    /// from the command line), to serve it.
    /// </summary>
    [Range(0.05, 3600)]
    public double WatchSeconds { get; set; } = 5;
}
