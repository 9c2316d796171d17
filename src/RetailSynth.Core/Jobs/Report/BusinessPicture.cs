namespace RetailSynth.Jobs.Report;

/// <summary>
/// What the dashboard's Business page draws (GET /api/business): the series a retail analyst looks at first, over the
/// business dates <see cref="From"/> … <see cref="To"/>. Revenue is sales net of discounts, before tax (the subtotal
/// of SALE receipts and of online orders never cancelled), as the realism report's R13 counts it. LastDayPartial: the
/// range ends on the last committed UTC day, whose stores' evenings fall in the next, uncommitted UTC day, so that
/// business date is not yet complete.
/// </summary>
public sealed record BusinessPicture(
    string DatasetId,
    string Profile,
    DateOnly From,
    DateOnly To,
    DateOnly LastCommittedDay,
    bool LastDayPartial,
    BusinessTotals Totals,
    IReadOnlyList<DailySales> Days,
    IReadOnlyList<HourlySales> Hours,
    IReadOnlyList<DepartmentSales> Departments,
    IReadOnlyList<StoreSales> TopStores,
    IReadOnlyList<DailyRate> OutOfStock,
    TruckQueueSeries TruckQueue,
    IReadOnlyList<EventTypeCounts> EventMix);

/// <summary>Sums over the whole range; <see cref="OnlineShare"/> is null when nothing was sold.</summary>
public sealed record BusinessTotals(double StoreRevenue, long Receipts, double OnlineRevenue, long OnlineOrders, double? OnlineShare);

/// <summary>One local business date: store sales (SALE receipts) and online orders dated that day at their node.</summary>
public sealed record DailySales(DateOnly Date, double Revenue, long Receipts, double OnlineRevenue, long OnlineOrders, double? OnlineShare);

/// <summary>Store sales in one local hour of the day (0–23), over the whole range.</summary>
public sealed record HourlySales(int Hour, double Revenue, long Receipts);

/// <summary>Line revenue of one department in stores and online.</summary>
public sealed record DepartmentSales(string Department, double StoreRevenue, double OnlineRevenue);

/// <summary>One of the stores with the most sales revenue.</summary>
public sealed record StoreSales(long StoreId, string StoreNumber, double Revenue, long Receipts);

/// <summary>A share measured at the end of one UTC day.</summary>
public sealed record DailyRate(DateOnly Date, double? Rate);

/// <summary>
/// The DCs' truck pipeline sampled at every UTC hour end of the range: per DC (DcIds, in the order of every sample's
/// counts) the shipments formed and not yet departed (waiting for a truck, as R1 counts them, or loading), and the
/// shipments on the road (departed, not yet completed).
/// </summary>
public sealed record TruckQueueSeries(IReadOnlyList<long> DcIds, IReadOnlyList<TruckQueueSample> Samples);

/// <summary>The pipeline at one instant: <see cref="AtDc"/>[i] shipments at DC <see cref="TruckQueueSeries.DcIds"/>[i], <see cref="OnRoad"/> in all.</summary>
public sealed record TruckQueueSample(DateTime At, IReadOnlyList<long> AtDc, long OnRoad);

/// <summary>Outbox events of one type for the range's simulated days: pending, sent (purged ones included) and dead.</summary>
public sealed record EventTypeCounts(string EventType, long Pending, long Sent, long Dead);
