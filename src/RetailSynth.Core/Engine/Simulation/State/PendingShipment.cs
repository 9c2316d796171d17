namespace RetailSynth.Engine.Simulation.State;

/// <summary>
/// sim_pending_shipments + sim_pending_shipment_lines: a shipment from formation until COMPLETED
/// (§13). Every transition instant is fixed when the truck is assigned; each fact row is written by
/// the day that contains its instant.
/// </summary>
public sealed class PendingShipment
{
    public required string ShipmentId { get; init; }

    /// <summary>The truckload the shipment travels in, and its place among the trip's visited stops (1…n).</summary>
    public required string TripId { get; init; }
    public required short StopSeq { get; init; }

    public required long DcId { get; init; }
    public required long StoreId { get; init; }
    public required string TemperatureClass { get; init; }
    public required string Priority { get; init; }
    public required int Units { get; init; }
    public required DateTime FormedTs { get; init; }
    public required List<(long ProductId, int Quantity)> Lines { get; init; }

    /// <summary>QUEUED until assigned, then the status of the last written transition.</summary>
    public string Status { get; set; } = ShipmentStatus.Queued;
    public long? TruckId { get; set; }
    public DateTime? ScheduledTs { get; set; }
    public DateTime? LoadingTs { get; set; }
    public DateTime? DcDepartureTs { get; set; }
    public DateTime? ArrivedTs { get; set; }
    public DateTime? UnloadingTs { get; set; }
    public DateTime? CompletedTs { get; set; }
    public DateTime? Eta { get; set; }
    public DateTime? Etd { get; set; }
    public int? EstimatedUnloadMinutes { get; set; }

    public PendingShipment Copy() => (PendingShipment)MemberwiseClone();
}

internal static class ShipmentStatus
{
    public const string Queued = "QUEUED";
    public const string Scheduled = "SCHEDULED";
    public const string Loading = "LOADING";
    public const string InTransit = "IN_TRANSIT";
    public const string Arrived = "ARRIVED";
    public const string Unloading = "UNLOADING";
    public const string Completed = "COMPLETED";

}

internal static class Priorities
{
    public const string Normal = ReorderPriorities.Normal;
    public const string High = ReorderPriorities.High;
    public const string Urgent = ReorderPriorities.Urgent;

    /// <summary>URGENT first (0), then HIGH, then NORMAL.</summary>
    public static int Rank(string priority) => priority switch
    {
        Urgent => 0,
        High => 1,
        _ => 2,
    };

    /// <summary>deficit = (reorder_point − on_hand) / reorder_point: ≥ 0.50 URGENT, ≥ 0.25 HIGH, else NORMAL (§12.4).</summary>
    public static string ForDeficit(long reorderPoint, long onHand)
    {
        var deficit = reorderPoint <= 0 ? 0 : (reorderPoint - onHand) / (double)reorderPoint;
        return deficit >= 0.50 ? Urgent : deficit >= 0.25 ? High : Normal;
    }
}
