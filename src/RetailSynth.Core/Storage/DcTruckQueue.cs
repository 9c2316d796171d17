namespace RetailSynth.Storage;

/// <summary>
/// One DC's truck queue and route pools at the end of the last committed day (data-model §13.2): queued trips and
/// their shipments with the age of the oldest (from its formed_ts), pooled reorder lines and units with the age of the
/// oldest (from its pooled_ts). An age is null when nothing waits or no day is committed yet.
/// </summary>
public sealed record DcTruckQueue(
    long DcId,
    long QueuedTrips,
    long QueuedShipments,
    double? OldestWaitingHours,
    long PooledLines,
    long PooledUnits,
    double? OldestPooledHours);
