using RetailSynth.Server.Tasks;

namespace RetailSynth.Server.Contracts;

/// <summary>GET /api/tasks/{id}: progress 0–1, days done/total, rows written, rows/s, ETA in seconds (null until the first day).</summary>
internal sealed record TaskResponse(
    string Id,
    string Kind,
    TaskState Status,
    string Stage,
    double Progress,
    int DaysDone,
    int DaysTotal,
    long Rows,
    double RowsPerSecond,
    double? EtaSeconds,
    double ElapsedSeconds,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    IReadOnlyDictionary<string, long>? RowsPerTable);
