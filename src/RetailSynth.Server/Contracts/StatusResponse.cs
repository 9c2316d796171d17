using RetailSynth.Storage;

namespace RetailSynth.Server.Contracts;

/// <summary>
/// GET /api/status: what the database holds (the CLI's <c>status</c>), plus running tasks and streaming. <c>dc_queues</c>
/// has every DC's truck queue and route pools (data-model §13.2); null for a dataset of another model version.
/// </summary>
internal sealed record StatusResponse(
    string DatabasePath,
    long DatabaseBytes,
    DatasetInfo? Dataset,
    DateOnly? Watermark,
    DateOnly? FirstFactDay,
    DateOnly? LastFactDay,
    IReadOnlyDictionary<string, long> DimensionCounts,
    IReadOnlyList<DcTruckQueue>? DcQueues,
    bool Streaming,
    IReadOnlyList<TaskResponse> RunningTasks);

internal sealed record DatasetInfo(string DatasetId, string Profile, long Seed, int ModelVersion, DateOnly StartDate);
