using System.Text.Json;
using DuckDB.NET.Data;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Server.Contracts;
using RetailSynth.Server.Hosting;
using RetailSynth.Server.Tasks;
using RetailSynth.Storage;

namespace RetailSynth.Server.Endpoints;

/// <summary>GET /api/status and GET /api/config (every secret redacted).</summary>
internal static class StatusApi
{
    public static void MapStatusApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Status");
        group.MapGet("/status", Status).WithSummary("Database path and size, dataset, watermark, dimension counts, per-DC truck queues and route pools, running tasks.");
        group.MapGet("/config", Config).WithSummary("The effective configuration with every secret redacted.");
    }

    private static Ok<StatusResponse> Status(ServerDatabase database, TaskRegistry tasks, StreamingAccessor streaming)
    {
        using var connection = database.OpenConnection();
        var dataset = ReadDataset(connection, out var watermark);
        var counts = DatasetTables.Dimensions.ToDictionary(t => t, t => Scalar(connection, $"SELECT count(*) FROM {t}"), StringComparer.Ordinal);
        var queues = DcTruckQueueReader.Read(connection);
        var bytes = File.Exists(database.Path) ? new FileInfo(database.Path).Length : 0;
        return TypedResults.Ok(new StatusResponse(
            database.Path,
            bytes,
            dataset,
            watermark,
            watermark is null ? null : dataset?.StartDate,
            watermark,
            counts,
            queues,
            streaming.IsStreaming,
            tasks.All.Where(t => t.IsRunning).Select(t => t.Snapshot()).ToArray()));
    }

    private static Ok<ConfigResponse> Config(RetailSynthSettings settings)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Performance:MaxDegreeOfParallelism"] = settings.Performance.MaxDegreeOfParallelism.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:DatabasePath"] = settings.Storage.DatabasePath,
        };
        foreach (var (name, section) in settings.PlainSections)
        {
            foreach (var (key, value) in SectionBinder.Redacted(name, section))
            {
                values[key] = value;
            }
        }

        // The Simulation section holds no secret (volumes, seed, dates).
        return TypedResults.Ok(new ConfigResponse(JsonSerializer.SerializeToElement(settings.Simulation), values));
    }

    private static DatasetInfo? ReadDataset(DuckDBConnection connection, out DateOnly? watermark)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT dataset_id, profile, seed, model_version, start_date, last_committed_day FROM sim_state";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            watermark = null;
            return null;
        }

        watermark = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5);
        return new DatasetInfo(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetFieldValue<DateOnly>(4));
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
