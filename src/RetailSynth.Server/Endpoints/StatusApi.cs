using System.Text.Json;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
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
        group.MapGet("/status", Status).WithSummary("Database path and size, dataset, watermark, dimension counts, per-DC shipment queues, running tasks.");
        group.MapGet("/config", Config).WithSummary("The effective configuration with every secret redacted.");
    }

    private static Ok<StatusResponse> Status(ServerDatabase database, TaskRegistry tasks, StreamingAccessor streaming)
    {
        using var connection = database.OpenConnection();
        var dataset = ReadDataset(connection, out var watermark);
        var counts = DatasetTables.Dimensions.ToDictionary(t => t, t => Scalar(connection, $"SELECT count(*) FROM {t}"), StringComparer.Ordinal);
        var queues = watermark is { } last ? ReadQueues(connection, last) : [];
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

    private static DcQueue[] ReadQueues(DuckDBConnection connection, DateOnly last)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT dc_id, count(*), min(formed_ts) FROM sim_pending_shipments WHERE status = 'QUEUED' GROUP BY dc_id ORDER BY dc_id";
        using var reader = command.ExecuteReader();
        var end = last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var queues = new List<DcQueue>();
        while (reader.Read())
        {
            var age = end - DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc);
            queues.Add(new DcQueue(reader.GetInt64(0), reader.GetInt64(1), Math.Round(age.TotalHours, 1)));
        }

        return [.. queues];
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
