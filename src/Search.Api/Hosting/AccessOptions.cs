namespace Search.Api.Hosting;

/// <summary>
/// The "Access" section: whether reads need an API key too, and how many requests a client may make per minute.
/// The keys themselves are the top-level "ApiKeys" array (ApiKeys__0=... in the environment).
/// </summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>When true, searches and document reads need a key as writes do. Off by default: reading is open.</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>Requests per minute per client (API key, or address when there is none) to the read endpoints.</summary>
    public int ReadsPerMinute { get; set; } = 1200;

    /// <summary>Requests per minute per client to the write and admin endpoints.</summary>
    public int WritesPerMinute { get; set; } = 120;
}
