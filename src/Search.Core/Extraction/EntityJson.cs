using System.Buffers;
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

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Options.Encoder };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>
    /// A document's entities as one JSON array, in order: how the index stores them, one row per document. Written by
    /// hand, member by member, because the indexer's single writer thread serializes every document's entities; members
    /// that hold their default (null, false, 0) are left out, and <see cref="DeserializeAll"/> restores them.
    /// </summary>
    public static string SerializeAll(IReadOnlyList<Entity> entities)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartArray();
            foreach (var e in entities)
            {
                Write(json, e);
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static List<Entity> DeserializeAll(string json) => JsonSerializer.Deserialize<List<Entity>>(json, Options)!;

    private static void Write(Utf8JsonWriter json, Entity e)
    {
        json.WriteStartObject();
        json.WriteString("kind", e.Kind);
        json.WriteString("value", e.Value);
        json.WriteString("label", e.Label);
        json.WriteString("text", e.Text);
        json.WriteNumber("start", e.Start);
        json.WriteNumber("end", e.End);
        Optional(json, "labelFa", e.LabelFa);
        Optional(json, "type", e.Type);
        if (e.Discovered)
        {
            json.WriteBoolean("discovered", true);
        }

        Optional(json, "precision", e.Precision);
        Optional(json, "calendar", e.Calendar);
        Optional(json, "solarHijri", e.SolarHijri);
        Optional(json, "part", e.Part);
        if (e.From != 0)
        {
            json.WriteNumber("from", e.From);
        }

        if (e.To != 0)
        {
            json.WriteNumber("to", e.To);
        }

        if (e.Number is { } number)
        {
            json.WriteNumber("number", number);
        }

        if (e.Upper is { } upper)
        {
            json.WriteNumber("upper", upper);
        }

        Optional(json, "qualifier", e.Qualifier);
        Optional(json, "unit", e.Unit);
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
