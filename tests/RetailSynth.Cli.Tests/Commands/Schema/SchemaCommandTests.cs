using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RetailSynth.Cli.Tests.Commands.Schema;
using RetailSynth.Engine.Events;
using RetailSynth.Jobs.Schema;

namespace RetailSynth.Cli.Tests.Commands;

/// <summary>
/// <c>retailsynth schema</c>: the documents a user lands events with, checked against a streamed demo day (every event
/// validates against its JSON Schema; every KQL mapping path is carried with a compatible type), and its bad input.
/// </summary>
public class SchemaCommandTests(StreamedDemoDay day) : IClassFixture<StreamedDemoDay>
{
    private static JsonSchema Load(string text) =>
        JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static readonly EvaluationOptions s_strict = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.List };

    private static string Failures(EvaluationResults results) => string.Join("; ",
        (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Fact]
    public void The_streamed_demo_day_carries_all_18_event_types()
    {
        Assert.Equal(EventCatalog.TypeNames.Order(), day.Events.Select(e => e.GetProperty("event_type").GetString()!).Distinct().Order());
    }

    [Fact]
    public async Task Every_event_of_a_streamed_demo_day_validates_against_its_json_schema_and_the_envelope()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("schema", "json-schema", "--out", "schemas");
        Assert.Equal(0, result.ExitCode);
        var schemas = Directory.GetFiles(cli.File("schemas"), "*.schema.json")
            .ToDictionary(f => Path.GetFileName(f)[..^".schema.json".Length], f => Load(File.ReadAllText(f)), StringComparer.Ordinal);
        Assert.Equal(19, schemas.Count);

        foreach (var root in day.Events)
        {
            var type = root.GetProperty("event_type").GetString()!;
            var own = schemas[type].Evaluate(root, s_strict);
            Assert.True(own.IsValid, $"{type} {root.GetProperty("trace_id")}: {Failures(own)}");
            var envelope = schemas["envelope"].Evaluate(root, s_strict);
            Assert.True(envelope.IsValid, $"envelope of {root.GetProperty("trace_id")}: {Failures(envelope)}");
        }
    }

    [Fact]
    public async Task The_printed_bundle_accepts_every_event_of_the_day_and_refuses_one_with_a_wrong_payload()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("schema", "json-schema");
        Assert.Equal(0, result.ExitCode);
        var bundle = Load(result.Output);
        Assert.All(day.Events, root => Assert.True(bundle.Evaluate(root, s_strict).IsValid, root.GetRawText()));

        // A schema that accepted anything would pass the checks above: a retyped, a missing and an extra key must fail, and
        // so must a value outside its vocabulary and a partition key of another type's pattern.
        var receipt = JsonNode.Parse(day.Lines.First(l => l.Contains("\"receipt_created\"", StringComparison.Ordinal)))!;
        var retyped = receipt.DeepClone();
        retyped["payload"]!["store_id"] = "3";
        var missing = receipt.DeepClone();
        missing["payload"]!.AsObject().Remove("tax_cents");
        var extra = receipt.DeepClone();
        extra["payload"]!["note"] = "x";
        var badTime = receipt.DeepClone();
        badTime["ingest_timestamp"] = "2024-01-08 10:00:00";
        var unknownTender = receipt.DeepClone();
        unknownTender["payload"]!["tender_type"] = "BITCOIN";
        var otherPartition = receipt.DeepClone();
        otherPartition["partition_key"] = "dc_1";
        foreach (var bad in new[] { retyped, missing, extra, badTime, unknownTender, otherPartition })
        {
            using var document = JsonDocument.Parse(bad.ToJsonString());
            Assert.False(bundle.Evaluate(document.RootElement, s_strict).IsValid, bad.ToJsonString());
        }
    }

    [Fact]
    public async Task Every_kql_mapping_path_exists_in_the_streamed_day_with_a_compatible_type()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("schema", "kql");
        Assert.Equal(0, result.ExitCode);
        var tables = KqlScriptReader.Read(result.Output);

        Assert.Equal(["retailsynth_raw", .. EventCatalog.TypeNames], tables.Keys);
        Assert.Empty(KqlScriptReader.Problems(tables["retailsynth_raw"], day.Events));
        foreach (var type in EventCatalog.TypeNames)
        {
            var table = tables[type];
            Assert.Equal(table.Columns.Select(c => c.Column), table.Mapping.Select(m => m.Column)); // one path per column
            Assert.Equal(table.Columns.Select(c => c.Column), table.Projected); // the update policy fills every column, in order
            Assert.Empty(KqlScriptReader.Problems(table, [.. day.Events.Where(e => e.GetProperty("event_type").GetString() == type)]));
        }
    }

    [Fact]
    public async Task The_mapping_check_catches_a_path_no_event_carries_and_a_type_clash()
    {
        using var cli = new CliRunner();
        var script = (await cli.RunAsync("schema", "kql")).Output;
        var receipts = day.Events.Where(e => e.GetProperty("event_type").GetString() == "receipt_created").ToList();

        var wrongPath = KqlScriptReader.Read(script.Replace("\"path\":\"$.payload.tax_cents\"", "\"path\":\"$.payload.tax_cent\"", StringComparison.Ordinal));
        Assert.Contains(KqlScriptReader.Problems(wrongPath["receipt_created"], receipts), p => p.Contains("path $.payload.tax_cent is missing", StringComparison.Ordinal));

        var clash = KqlScriptReader.Read(script
            .Replace("['receipt_id']:string, ['subtotal']", "['receipt_id']:long, ['subtotal']", StringComparison.Ordinal)
            .Replace("{\"column\":\"receipt_id\",\"path\":\"$.payload.receipt_id\",\"datatype\":\"string\"}", "{\"column\":\"receipt_id\",\"path\":\"$.payload.receipt_id\",\"datatype\":\"long\"}", StringComparison.Ordinal));
        Assert.Contains(KqlScriptReader.Problems(clash["receipt_created"], receipts), p => p.Contains("long cannot take", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("kql")]
    [InlineData("json-schema")]
    [InlineData("asyncapi")]
    public async Task Stdout_prints_the_combined_document_and_out_writes_exactly_the_kit_files(string kind)
    {
        using var cli = new CliRunner();
        Assert.True(SchemaKinds.TryParse(kind, out var parsed));

        var printed = await cli.RunAsync("schema", kind);
        Assert.Equal(0, printed.ExitCode);
        Assert.Equal(SchemaKit.Combined(parsed).Content, printed.Output);

        var written = await cli.RunAsync("schema", kind, "--out", "kit");
        Assert.Equal(0, written.ExitCode);
        var files = SchemaKit.Files(parsed);
        Assert.Equal(files.Select(f => f.FileName).Order(StringComparer.Ordinal), Directory.GetFiles(cli.File("kit")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(f.Content, File.ReadAllText(Path.Combine(cli.File("kit"), f.FileName))));
    }

    [Theory]
    [InlineData("sql")]
    [InlineData("KQL")]
    [InlineData("jsonschema")]
    public async Task An_unknown_kind_exits_with_one_line_naming_the_kinds_and_writes_nothing(string kind)
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("schema", kind, "--out", "kit");
        Assert.Equal(CliApp.ExitUsage, result.ExitCode);
        Assert.Equal($"error: unknown schema kind '{kind}'; expected one of kql, json-schema, asyncapi.", result.SingleErrorLine.TrimEnd());
        Assert.Empty(result.Output);
        Assert.False(Directory.Exists(cli.File("kit")));
    }

    [Fact]
    public async Task An_out_folder_that_cannot_be_created_fails_with_one_line_and_writes_nothing()
    {
        using var cli = new CliRunner();
        await File.WriteAllTextAsync(cli.File("taken"), "a file, not a folder");

        var result = await cli.RunAsync("schema", "json-schema", "--out", "taken/kit");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.StartsWith($"error: Cannot write the schema files to '{cli.File("taken/kit")}'", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Single(result.ErrorLines);
        Assert.Equal("a file, not a folder", await File.ReadAllTextAsync(cli.File("taken")));
    }

    [Fact]
    public async Task An_out_folder_where_one_file_cannot_be_placed_keeps_none_of_the_new_files()
    {
        using var cli = new CliRunner();
        Directory.CreateDirectory(cli.File("kit/truck_departed.schema.json")); // the 19th file's name is taken by a folder

        var result = await cli.RunAsync("schema", "json-schema", "--out", "kit");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("is a folder", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Equal([cli.File("kit/truck_departed.schema.json")], Directory.GetFileSystemEntries(cli.File("kit")));
    }
}
