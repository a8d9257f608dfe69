namespace Search.Core.Indexing;

/// <summary>How a reindex run treats the served index.</summary>
public enum ReindexMode
{
    /// <summary>Change only what changed: documents whose content changed, new ones, removed ones; all of them when the settings changed.</summary>
    Incremental,

    /// <summary>Build a new generation from every source and switch to it.</summary>
    Full,
}
