using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RetailSynth.Cli.Tests.Commands.Schema;

/// <summary>
/// Reads the tables, JSON ingestion mappings and update functions out of a generated KQL script, and checks the
/// mappings against real events: every path must be carried by the events its table receives, with a value the
/// column type accepts.
/// </summary>
internal static partial class KqlScriptReader
{
    public sealed record Table(string Name, IReadOnlyList<(string Column, string Type)> Columns)
    {
        public IReadOnlyList<(string Column, string Path, string Type)> Mapping { get; set; } = [];

        public IReadOnlyList<string> Projected { get; set; } = [];
    }

    public static Dictionary<string, Table> Read(string script)
    {
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (Match m in CreateTable().Matches(script))
        {
            var columns = ColumnDeclaration().Matches(m.Groups["columns"].Value).Select(c => (c.Groups["name"].Value, c.Groups["type"].Value)).ToList();
            tables.Add(m.Groups["table"].Value, new Table(m.Groups["table"].Value, columns));
        }

        foreach (Match m in CreateMapping().Matches(script))
        {
            using var json = JsonDocument.Parse(m.Groups["json"].Value);
            tables[m.Groups["table"].Value].Mapping = [.. json.RootElement.EnumerateArray().Select(e =>
                (e.GetProperty("column").GetString()!, e.GetProperty("path").GetString()!, e.GetProperty("datatype").GetString()!))];
        }

        foreach (Match m in UpdateFunction().Matches(script))
        {
            tables[m.Groups["table"].Value].Projected = [.. Projection().Matches(m.Groups["body"].Value).Select(p => p.Groups["name"].Value)];
        }

        return tables;
    }

    /// <summary>
    /// Every problem of one table against the events it receives: a path none of them carries, or a value the column
    /// type cannot take. Empty when the table lands every event cleanly.
    /// </summary>
    public static List<string> Problems(Table table, IReadOnlyList<JsonElement> events)
    {
        var problems = new List<string>();
        if (events.Count == 0)
        {
            problems.Add($"{table.Name}: no event of the day lands in it, so none carries its paths");
        }

        foreach (var (column, path, type) in table.Mapping)
        {
            if (!table.Columns.Contains((column, type)))
            {
                problems.Add($"{table.Name}.{column}: the mapping's {type} is not a column of the table");
            }

            foreach (var root in events)
            {
                if (!TryResolve(root, path, out var value))
                {
                    problems.Add($"{table.Name}.{column}: path {path} is missing in {root.GetProperty("trace_id")}");
                    break;
                }

                if (!Accepts(type, value))
                {
                    problems.Add($"{table.Name}.{column}: {type} cannot take {value.GetRawText()} ({path} of {root.GetProperty("trace_id")})");
                    break;
                }
            }
        }

        return problems;
    }

    private static bool TryResolve(JsonElement root, string path, out JsonElement value)
    {
        value = root;
        foreach (var step in path.Split('.').Skip(1))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(step, out value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What Kusto's JSON ingestion turns into a value of the column type (null is always a null cell).</summary>
    private static bool Accepts(string type, JsonElement value) => value.ValueKind == JsonValueKind.Null || type switch
    {
        "long" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "int" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        "real" or "decimal" => value.ValueKind == JsonValueKind.Number,
        "string" => value.ValueKind == JsonValueKind.String,
        "datetime" => value.ValueKind == JsonValueKind.String
            && DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) && t.Kind == DateTimeKind.Utc,
        "dynamic" => value.ValueKind is JsonValueKind.Array or JsonValueKind.Object,
        _ => false,
    };

    [GeneratedRegex(@"^\.create-merge table \['(?<table>\w+)'\] \((?<columns>[^)]*)\)$", RegexOptions.Multiline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"\['(?<name>\w+)'\]:(?<type>\w+)")]
    private static partial Regex ColumnDeclaration();

    [GeneratedRegex(@"^\.create-or-alter table \['(?<table>\w+)'\] ingestion json mapping ""\w+"" '(?<json>[^']*)'$", RegexOptions.Multiline)]
    private static partial Regex CreateMapping();

    [GeneratedRegex(@"^\.create-or-alter function [^\n]*\) (?<table>\w+)_from_raw\(\) \{\n(?<body>.*?)\n\}$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex UpdateFunction();

    [GeneratedRegex(@"^\s+\['(?<name>\w+)'\] = ", RegexOptions.Multiline)]
    private static partial Regex Projection();
}
