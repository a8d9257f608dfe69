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

    public static string Serialize(Entity entity) => JsonSerializer.Serialize(entity, Options);

    public static Entity Deserialize(string json) => JsonSerializer.Deserialize<Entity>(json, Options)!;
}
