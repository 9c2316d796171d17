using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using RetailSynth.Storage;

namespace RetailSynth.Jobs.Export.Delta;

/// <summary>
/// The Delta schema of an exported table, from DuckDB's column types (protocol "Schema Serialization Format"):
/// VARCHAR and ENUM→string, BIGINT→long, INTEGER→integer, SMALLINT→short, TINYINT→byte, DOUBLE→double, REAL→float,
/// BOOLEAN→boolean, DATE→date, DECIMAL(p,s)→decimal(p,s), lists→array. TIMESTAMP (UTC wall time in this dataset) and
/// TIMESTAMPTZ→timestamp, written to Parquet as TIMESTAMPTZ so the file says isAdjustedToUTC=true as the protocol
/// requires; timestamp_ntz is avoided because it needs reader 3 / writer 7 and table features.
/// </summary>
internal static partial class DeltaSchema
{
    /// <summary>The columns of <paramref name="table"/> (a catalogue name, safe to splice) in table order.</summary>
    public static IReadOnlyList<DeltaColumn> Describe(DuckDBConnection connection, string table) => connection.ReadRows(
        $"SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'main' AND table_name = '{table}' ORDER BY ordinal_position",
        reader => Column(reader.GetString(0), reader.GetString(1), reader.GetString(2) == "YES", table));

    /// <summary>Maps one DuckDB column; a type with no faithful Delta equivalent is an error, never a silent change.</summary>
    public static DeltaColumn Column(string name, string duckDbType, bool nullable, string table)
    {
        var quoted = DuckDbCommands.QuoteIdentifier(name);
        var type = duckDbType.Trim().ToUpperInvariant();
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            var element = Primitive(type[..^2]) ?? throw Unsupported(name, duckDbType, table);
            if (element is "timestamp")
            {
                throw Unsupported(name, duckDbType, table);
            }

            return new DeltaColumn(name, $"array<{element}>", nullable, quoted, HasMinMax: false);
        }

        if (IsEnum(type))
        {
            // DuckDB writes an ENUM to Parquet as its UTF-8 strings, so the file's stats are the strings' too.
            return new DeltaColumn(name, "string", nullable, quoted, HasMinMax: true);
        }

        var spark = Primitive(type) ?? throw Unsupported(name, duckDbType, table);
        var projection = type == "TIMESTAMP" ? $"timezone('UTC', {quoted}) AS {quoted}" : quoted;
        return new DeltaColumn(name, spark, nullable, projection, HasMinMax: spark is not ("boolean" or "binary"));
    }

    /// <summary>The <c>schemaString</c>: a Spark struct type, in column order.</summary>
    public static string SchemaString(IEnumerable<DeltaColumn> columns)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "struct");
            json.WriteStartArray("fields");
            foreach (var column in columns)
            {
                json.WriteStartObject();
                json.WriteString("name", column.Name);
                if (ArrayElement(column.SparkType) is { } element)
                {
                    json.WriteStartObject("type");
                    json.WriteString("type", "array");
                    json.WriteString("elementType", element);
                    json.WriteBoolean("containsNull", true);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteString("type", column.SparkType);
                }

                json.WriteBoolean("nullable", column.Nullable);
                json.WriteStartObject("metadata");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The element type of <c>array&lt;element&gt;</c>, null for any other type.</summary>
    public static string? ArrayElement(string sparkType) =>
        sparkType.StartsWith("array<", StringComparison.Ordinal) && sparkType.EndsWith('>') ? sparkType[6..^1] : null;

    private static string? Primitive(string type)
    {
        switch (type)
        {
            case "VARCHAR": return "string";
            case "BIGINT": return "long";
            case "INTEGER": return "integer";
            case "SMALLINT": return "short";
            case "TINYINT": return "byte";
            case "DOUBLE": return "double";
            case "REAL" or "FLOAT": return "float";
            case "BOOLEAN": return "boolean";
            case "DATE": return "date";
            case "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" or "TIMESTAMPTZ": return "timestamp";
            case "BLOB": return "binary";
        }

        var decimalType = DecimalType().Match(type);
        if (decimalType.Success)
        {
            var precision = int.Parse(decimalType.Groups["p"].Value, CultureInfo.InvariantCulture);
            var scale = int.Parse(decimalType.Groups["s"].Value, CultureInfo.InvariantCulture);
            return $"decimal({precision},{scale})";
        }

        return null;
    }

    private static RetailSynthException Unsupported(string name, string type, string table) =>
        new($"Column {table}.{name} has DuckDB type {type}, which the Delta export does not map; export it as parquet instead.");

    /// <summary>A closed vocabulary stored as a DuckDB ENUM (data-model §3.4): exported as its strings.</summary>
    private static bool IsEnum(string type) => type.StartsWith("ENUM(", StringComparison.Ordinal);

    [GeneratedRegex(@"^DECIMAL\((?<p>\d+),\s*(?<s>\d+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalType();
}
