using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Core.Extraction;

/// <summary>Entities as stored in the index and printed by the extract command: camelCase JSON without null members.</summary>
public static class EntityJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A document's entities as one JSON array, in order: how the index stores them, one row per document.</summary>
    public static string SerializeAll(IReadOnlyList<Entity> entities) => JsonSerializer.Serialize(entities, Options);

    public static List<Entity> DeserializeAll(string json) => JsonSerializer.Deserialize<List<Entity>>(json, Options)!;
}
