using System.Text;
using System.Text.Json;

namespace RetailSynth.Jobs.Export.Delta;

/// <summary>
/// The actions this exporter writes, each one line of JSON (protocol "Actions"): the small append/overwrite subset —
/// <c>commitInfo</c>, <c>protocol</c> (reader 1, writer 2: no table features), <c>metaData</c>, <c>add</c> and <c>remove</c>.
/// </summary>
public static class DeltaActions
{
    public const int MinReaderVersion = 1;
    public const int MinWriterVersion = 2;

    public static string CommitInfo(long timestamp, string operation, bool isBlindAppend) => Line(json =>
    {
        json.WriteStartObject("commitInfo");
        json.WriteNumber("timestamp", timestamp);
        json.WriteString("operation", operation);
        json.WriteStartObject("operationParameters");
        json.WriteString("mode", isBlindAppend ? "Append" : "Overwrite");
        json.WriteEndObject();
        json.WriteBoolean("isBlindAppend", isBlindAppend);
        json.WriteString("engineInfo", "retailsynth");
        json.WriteEndObject();
    });

    public static string Protocol() => Line(json =>
    {
        json.WriteStartObject("protocol");
        json.WriteNumber("minReaderVersion", MinReaderVersion);
        json.WriteNumber("minWriterVersion", MinWriterVersion);
        json.WriteEndObject();
    });

    public static string MetaData(string id, string name, string schemaString, IReadOnlyList<string> partitionColumns, long createdTime) => Line(json =>
    {
        json.WriteStartObject("metaData");
        json.WriteString("id", id);
        json.WriteString("name", name);
        json.WriteStartObject("format");
        json.WriteString("provider", "parquet");
        json.WriteStartObject("options");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("schemaString", schemaString);
        json.WriteStartArray("partitionColumns");
        foreach (var column in partitionColumns)
        {
            json.WriteStringValue(column);
        }

        json.WriteEndArray();
        json.WriteStartObject("configuration");
        json.WriteEndObject();
        json.WriteNumber("createdTime", createdTime);
        json.WriteEndObject();
    });

    public static string Add(DeltaFile file, long modificationTime, string stats) => Line(json =>
    {
        json.WriteStartObject("add");
        json.WriteString("path", file.Path);
        WritePartitionValues(json, file.PartitionValues);
        json.WriteNumber("size", file.Size);
        json.WriteNumber("modificationTime", modificationTime);
        json.WriteBoolean("dataChange", true);
        json.WriteString("stats", stats);
        json.WriteEndObject();
    });

    /// <summary>A remove with extended file metadata, so readers that replay tombstones see what went.</summary>
    public static string Remove(DeltaFile file, long deletionTimestamp) => Line(json =>
    {
        json.WriteStartObject("remove");
        json.WriteString("path", file.Path);
        json.WriteNumber("deletionTimestamp", deletionTimestamp);
        json.WriteBoolean("dataChange", true);
        json.WriteBoolean("extendedFileMetadata", true);
        WritePartitionValues(json, file.PartitionValues);
        json.WriteNumber("size", file.Size);
        json.WriteEndObject();
    });

    private static void WritePartitionValues(Utf8JsonWriter json, IReadOnlyDictionary<string, string?> values)
    {
        json.WriteStartObject("partitionValues");
        foreach (var (column, value) in values)
        {
            json.WriteString(column, value);
        }

        json.WriteEndObject();
    }

    private static string Line(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
