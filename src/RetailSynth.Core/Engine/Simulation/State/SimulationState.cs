using RetailSynth.Engine.Simulation.Inventory;

namespace RetailSynth.Engine.Simulation.State;

/// <summary>
/// Everything day D+1 needs besides dimensions and committed facts (data-model §17). Lives in memory
/// while days run and is persisted into the <c>sim_*</c> tables with every day commit; no random
/// position is kept (streams are re-derived from their names).
/// </summary>
public sealed class SimulationState
{
    public required InventoryLedger[] StoreStock { get; init; }
    public required InventoryLedger[] DcStock { get; init; }

    /// <summary>sim_customers: activity, Huff share, status and next transition of customers 1…N (§10.7).</summary>
    public required CustomerLifecycle Customers { get; init; }
    public List<ScheduledReturn> ScheduledReturns { get; init; } = [];
    public List<OpenReorder> OpenReorders { get; init; } = [];

    /// <summary>Allocated store lines waiting in their route's pool for a trip (§13.1).</summary>
    public List<PooledLine> PooledLines { get; init; } = [];

    /// <summary>sim_trips: trips from formation until their truck is back (§13.2–13.3).</summary>
    public List<Trip> Trips { get; init; } = [];
    public List<PendingShipment> Shipments { get; init; } = [];
    public List<SupplierOrder> SupplierOrders { get; init; } = [];
    public List<Campaign> Campaigns { get; init; } = [];
    public List<PendingConversion> PendingConversions { get; init; } = [];
    public List<OpenOrder> OpenOrders { get; init; } = [];

    /// <summary>When each truck is next free (sim_trucks); every truck starts free at the start instant.</summary>
    public required TruckState[] Trucks { get; init; }

    /// <summary>Each store's route_id by store index: unallocated reorder lines are persisted with their route (sim_open_reorders).</summary>
    public IReadOnlyList<string> StoreRouteIds { get; init; } = [];

    /// <summary>The region whose state this is: its store, DC, customer and truck indexes are their ids less r × 10⁸ + 1.</summary>
    public Region Region { get; init; } = Region.Whole;

    /// <summary>The last committed UTC day, or null before the first.</summary>
    public DateOnly? LastCommittedDay { get; set; }

    /// <summary>
    /// A deep copy to commit one day while the next is simulated on the original. Mutable entries are
    /// copied; immutable records are shared; inventory snapshots share the persisted baseline.
    /// </summary>
    public SimulationState Snapshot() => new()
    {
        StoreStock = [.. StoreStock.Select(l => l.Snapshot())],
        DcStock = [.. DcStock.Select(l => l.Snapshot())],
        Customers = Customers.Snapshot(),
        ScheduledReturns = [.. ScheduledReturns],
        OpenReorders = [.. OpenReorders],
        PooledLines = [.. PooledLines.Select(l => l.Copy())],
        Trips = [.. Trips.Select(t => t.Copy())],
        Shipments = [.. Shipments.Select(s => s.Copy())],
        SupplierOrders = [.. SupplierOrders],
        Campaigns = [.. Campaigns],
        PendingConversions = [.. PendingConversions],
        OpenOrders = [.. OpenOrders.Select(o => o.Copy())],
        Trucks = [.. Trucks.Select(t => new TruckState(t.TruckId, t.AvailableAt, t.LocationDcId) { TripId = t.TripId })],
        StoreRouteIds = StoreRouteIds,
        Region = Region,
        LastCommittedDay = LastCommittedDay,
    };
}

/// <summary>
/// sim_scheduled_returns: the chosen lines (line numbers) of a store sale (<c>RCP-…</c>) or an online order (<c>ONL-…</c>)
/// that come back at a store on a later store-local date (§11).
/// </summary>
public sealed record ScheduledReturn(string SourceIdExt, long StoreId, long CustomerId, DateOnly ReturnDate, IReadOnlyList<int> LineNums)
{
    /// <summary>An online order returned at a store: the return names it in <c>return_for_order_id_ext</c>.</summary>
    public bool OfOnlineOrder => SourceIdExt.StartsWith("ONL-", StringComparison.Ordinal);
}

/// <summary>sim_open_reorders: a reviewed store reorder not yet formed into shipments (§12.4, §13.1).</summary>
public sealed record OpenReorder(string ReorderId, long StoreId, long DcId, long ProductId, int Quantity, string Priority, DateTime ReviewedTs);

/// <summary>sim_supplier_orders: inbound supplier units for a DC (§12.4).</summary>
public sealed record SupplierOrder(string PoId, long ProductId, long DcId, int Quantity, DateTime ArrivalTs);

/// <summary>
/// sim_trucks: a truck is free from <see cref="AvailableAt"/> at <see cref="LocationDcId"/> (null for supplier trucks);
/// <see cref="TripId"/> is its last trip.
/// </summary>
public sealed class TruckState(long truckId, DateTime availableAt, long? locationDcId)
{
    public long TruckId { get; } = truckId;
    public DateTime AvailableAt { get; set; } = availableAt;
    public long? LocationDcId { get; set; } = locationDcId;
    public string? TripId { get; set; }
}
