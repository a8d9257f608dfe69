using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Core.Extraction;

/// <summary>Entities as the extract command prints them: camelCase JSON without null members.</summary>
public static class EntityJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
