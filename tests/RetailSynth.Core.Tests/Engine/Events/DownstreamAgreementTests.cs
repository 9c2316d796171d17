using System.Text.Json;
using RetailSynth.Engine.Events;

namespace RetailSynth.Core.Tests.Engine.Events;

/// <summary>
/// events.md §7.2: built events agree with the frozen downstream column lists (downstream/*.json, generated once
/// from §2 and §6; a change to those files is a contract change): same JSON paths in the same order, matching types.
/// </summary>
public class DownstreamAgreementTests
{
    public static TheoryData<string> Types => [.. EventTypes.All];

    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "Engine", "Events", "downstream");

    private static readonly Dictionary<string, string> s_kinds = new()
    {
        ["long"] = "integer?",
        ["int"] = "integer?",
        ["real"] = "money?",
        ["string"] = "string?",
        ["datetime"] = "timestamp?",
        ["dynamic"] = "integer[]",
    };

    [Fact]
    public void There_is_one_frozen_table_per_event_type_and_no_other()
    {
        var tables = Directory.GetFiles(s_folder, "*.json").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(EventTypes.All.Order(), tables.Order());
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Built_events_match_their_downstream_columns_paths_order_and_types(string type)
    {
        using var table = JsonDocument.Parse(File.ReadAllText(Path.Combine(s_folder, type + ".json")));
        Assert.Equal(type, table.RootElement.GetProperty("table").GetString());
        var columns = table.RootElement.GetProperty("columns").EnumerateArray()
            .Select(c => (Column: c.GetProperty("column").GetString()!, Path: c.GetProperty("path").GetString()!, Type: c.GetProperty("type").GetString()!))
            .ToList();

        using var built = JsonDocument.Parse(EventSamples.Single(EventSamples.Examples[type]).Body);
        var root = built.RootElement;
        var expectedPaths = root.GetProperty("payload").EnumerateObject().Select(p => "$.payload." + p.Name)
            .Concat(root.EnumerateObject().Where(p => p.Name != "payload").Select(p => "$." + p.Name));
        Assert.Equal(expectedPaths, columns.Select(c => c.Path));

        foreach (var (column, path, columnType) in columns)
        {
            var name = path.Split('.')[^1];
            var value = path.StartsWith("$.payload.", StringComparison.Ordinal) ? root.GetProperty("payload").GetProperty(name) : root.GetProperty(name);
            Assert.Equal(type == EventTypes.InventoryUpdated && name == "source" && path.StartsWith("$.payload.", StringComparison.Ordinal) ? "payload_source" : name, column);
            EventShape.AssertKind(value, s_kinds[columnType], $"{type}.{column}");
        }
    }
}
