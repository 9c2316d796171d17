namespace RetailSynth.Server.Contracts;

/// <summary>GET /api/status: what the database holds (the CLI's <c>status</c>), plus running tasks and streaming.</summary>
internal sealed record StatusResponse(
    string DatabasePath,
    long DatabaseBytes,
    DatasetInfo? Dataset,
    DateOnly? Watermark,
    DateOnly? FirstFactDay,
    DateOnly? LastFactDay,
    IReadOnlyDictionary<string, long> DimensionCounts,
    IReadOnlyList<DcQueue> DcQueues,
    bool Streaming,
    IReadOnlyList<TaskResponse> RunningTasks);

internal sealed record DatasetInfo(string DatasetId, string Profile, long Seed, int ModelVersion, DateOnly StartDate);

/// <summary>Shipments waiting for a truck at a DC at the end of the last committed day, and the age of the oldest (data-model §13.2).</summary>
internal sealed record DcQueue(long DcId, long QueuedShipments, double OldestWaitingHours);
