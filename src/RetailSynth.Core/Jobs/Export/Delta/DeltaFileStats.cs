using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using RetailSynth.Storage;

namespace RetailSynth.Jobs.Export.Delta;

/// <summary>
/// The <c>stats</c> of an <c>add</c> (protocol "Per-file Statistics"), computed by DuckDB over the Parquet file just
/// written: numRecords, and per column nullCount plus tight minValues/maxValues. Strings longer than
/// <see cref="MaxStringLength"/> get no min/max (a cut max would be below the real one); timestamps are cut to
/// milliseconds as the protocol says; booleans and arrays get a null count only; a non-finite double gets no bound.
/// </summary>
internal static class DeltaFileStats
{
    public const int MaxStringLength = 32;

    public static string Compute(DuckDBConnection connection, string parquetPath, IReadOnlyList<DeltaColumn> columns)
    {
        var items = new List<string> { "count(*)" };
        foreach (var column in columns)
        {
            var quoted = DuckDbCommands.QuoteIdentifier(column.Name);
            items.Add($"count(*) - count({quoted})");
            if (column.HasMinMax)
            {
                items.Add(Bound("min", quoted, column.SparkType));
                items.Add(Bound("max", quoted, column.SparkType));
            }
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", items)} FROM read_parquet('{parquetPath.Replace("'", "''", StringComparison.Ordinal)}')";
        using var reader = command.ExecuteReader();
        reader.Read();

        var nullCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        var minValues = new List<(DeltaColumn Column, string Value)>();
        var maxValues = new List<(DeltaColumn Column, string Value)>();
        var ordinal = 1;
        foreach (var column in columns)
        {
            nullCounts[column.Name] = Convert.ToInt64(reader.GetValue(ordinal++), CultureInfo.InvariantCulture);
            if (column.HasMinMax)
            {
                var min = reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
                var max = reader.IsDBNull(ordinal + 1) ? null : reader.GetString(ordinal + 1);
                ordinal += 2;
                if (Usable(column, min) && Usable(column, max))
                {
                    minValues.Add((column, min!));
                    maxValues.Add((column, max!));
                }
            }
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("numRecords", Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
            WriteValues(json, "minValues", minValues);
            WriteValues(json, "maxValues", maxValues);
            json.WriteStartObject("nullCount");
            foreach (var (name, count) in nullCounts)
            {
                json.WriteNumber(name, count);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Every bound as text from DuckDB, in the form the JSON stats want it.</summary>
    private static string Bound(string aggregate, string quoted, string sparkType) => sparkType switch
    {
        "timestamp" => $"strftime(timezone('UTC', {aggregate}({quoted})), '%Y-%m-%dT%H:%M:%S.%gZ')",
        "date" => $"strftime({aggregate}({quoted}), '%Y-%m-%d')",
        _ => $"CAST({aggregate}({quoted}) AS VARCHAR)",
    };

    private static bool Usable(DeltaColumn column, string? value) => value is not null && column.SparkType switch
    {
        "string" => value.Length <= MaxStringLength,
        "double" or "float" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number),
        _ => true,
    };

    private static void WriteValues(Utf8JsonWriter json, string name, List<(DeltaColumn Column, string Value)> values)
    {
        json.WriteStartObject(name);
        foreach (var (column, value) in values)
        {
            if (column.SparkType is "string" or "timestamp" or "date")
            {
                json.WriteString(column.Name, value);
            }
            else if (column.SparkType is "double" or "float")
            {
                json.WriteNumber(column.Name, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
            }
            else
            {
                // Integers and decimals: DuckDB's text is already a JSON number ("-12", "3.50").
                json.WritePropertyName(column.Name);
                json.WriteRawValue(value);
            }
        }

        json.WriteEndObject();
    }
}
