using System.Text.Json;
using System.Text.Json.Nodes;
using RetailSynth.Engine.Events;
using RetailSynth.Jobs.Schema;
using RetailSynth.Storage;

namespace RetailSynth.Core.Tests.Jobs.Schema;

/// <summary>
/// The kit's documents are stable: they equal the golden files of the current model version byte for byte (a new model
/// version needs a new <c>model-vN</c> folder; documentation added to the catalog regenerates the current one), and
/// hang together.
/// </summary>
public class SchemaKitTests
{
    public static TheoryData<string> Kinds => [.. SchemaKinds.Names];

    private static string GoldenFolder(string kind) =>
        Path.Combine(AppContext.BaseDirectory, "Jobs", "Schema", "golden", $"model-v{DatasetIdentity.ModelVersion}", kind);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_documents_equal_the_golden_files_of_the_current_model_version(string kind)
    {
        Assert.True(SchemaKinds.TryParse(kind, out var parsed));
        var folder = GoldenFolder(kind);
        Assert.True(Directory.Exists(folder), $"no golden files for model v{DatasetIdentity.ModelVersion}: a new model version writes them with `retailsynth schema {kind} --out {folder}`");
        var files = SchemaKit.Files(parsed);

        Assert.Equal(Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal), files.Select(f => f.FileName).Order(StringComparer.Ordinal));
        // The test reads the copy in the output folder; regenerate the source copy and review its diff.
        var source = Path.Combine("tests", "RetailSynth.Core.Tests", "Jobs", "Schema", "golden", $"model-v{DatasetIdentity.ModelVersion}", kind);
        Assert.All(files, f => Assert.True(
            File.ReadAllText(Path.Combine(folder, f.FileName)) == f.Content,
            $"{f.FileName} differs from its golden file: if the change is intended (a model version, or documentation added to the catalog), "
            + $"regenerate with `retailsynth schema {kind} --out {source}` from the repository root and check the diff holds only that change"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Generating_twice_gives_the_same_bytes(string kind)
    {
        Assert.True(SchemaKinds.TryParse(kind, out var parsed));
        Assert.Equal(SchemaKit.Files(parsed), SchemaKit.Files(parsed));
        Assert.Equal(SchemaKit.Combined(parsed), SchemaKit.Combined(parsed));
    }

    [Fact]
    public void The_json_schema_bundle_embeds_exactly_the_files_and_accepts_any_of_the_18_types()
    {
        var bundle = JsonNode.Parse(SchemaKit.Combined(SchemaKind.JsonSchema).Content)!;
        var defs = bundle["$defs"]!.AsObject();
        var files = SchemaKit.Files(SchemaKind.JsonSchema);

        Assert.Equal(files.Select(f => f.FileName[..^".schema.json".Length]), defs.Select(d => d.Key));
        Assert.All(files, f => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(f.Content), defs[f.FileName[..^".schema.json".Length]])));
        Assert.Equal(
            EventCatalog.TypeNames.Select(t => $"urn:retailsynth:events:1.0:{t}"),
            bundle["oneOf"]!.AsArray().Select(r => r!["$ref"]!.GetValue<string>()));
    }

    [Fact]
    public void The_asyncapi_document_has_one_channel_and_one_message_per_event_type_whose_references_resolve()
    {
        using var document = JsonDocument.Parse(SchemaKit.Combined(SchemaKind.AsyncApi).Content);
        var root = document.RootElement;
        Assert.Equal("3.0.0", root.GetProperty("asyncapi").GetString());
        var channel = Assert.Single(root.GetProperty("channels").EnumerateObject());
        Assert.Equal(EventCatalog.TypeNames, channel.Value.GetProperty("messages").EnumerateObject().Select(m => m.Name));

        var references = Descendants(root).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("$ref", out _))
            .Select(e => e.GetProperty("$ref").GetString()!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.True(Resolve(root, reference).HasValue, $"{reference} does not resolve"));

        foreach (var type in EventCatalog.TypeNames)
        {
            var message = root.GetProperty("components").GetProperty("messages").GetProperty(type);
            Assert.Equal(type, message.GetProperty("headers").GetProperty("properties").GetProperty("Table").GetProperty("const").GetString());
            Assert.Equal("$message.payload#/partition_key", message.GetProperty("x-partition-key").GetString());
            var payload = Resolve(root, message.GetProperty("payload").GetProperty("$ref").GetString()!)!.Value;
            Assert.Equal(
                EventCatalog.Payload(type).Select(f => f.Name),
                payload.GetProperty("properties").GetProperty("payload").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        }
    }

    private static JsonElement? Resolve(JsonElement root, string reference)
    {
        Assert.StartsWith("#/", reference, StringComparison.Ordinal);
        var node = root;
        foreach (var step in reference[2..].Split('/'))
        {
            if (!node.TryGetProperty(step, out node))
            {
                return null;
            }
        }

        return node;
    }

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }
}
