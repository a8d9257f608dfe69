namespace Search.Core.Extraction;

/// <summary>The kinds of entity, which are also the facet dimensions they feed.</summary>
public static class EntityKinds
{
    public const string Person = "person";
    public const string Place = "place";
    public const string Organization = "org";
    public const string Date = "date";
    public const string Figure = "figure";
}
