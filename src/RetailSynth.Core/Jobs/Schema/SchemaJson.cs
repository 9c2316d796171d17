using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RetailSynth.Jobs.Schema;

/// <summary>Indented JSON with <c>\n</c> line ends and no needless escaping, so generated documents are byte-stable on every OS.</summary>
internal static class SchemaJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonNode node) => node.ToJsonString(s_options) + "\n";

    public static string Compact(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
