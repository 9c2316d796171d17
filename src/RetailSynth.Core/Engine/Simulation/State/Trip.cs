namespace RetailSynth.Engine.Simulation.State;

/// <summary>
/// sim_trips: one truckload of a route (§13.1) from formation until its truck is back at the DC. QUEUED until a truck
/// is assigned (no fact row), then the status of its shipments, RETURNING after the last stop.
/// </summary>
public sealed class Trip
{
    public required string TripId { get; init; }
    public required long DcId { get; init; }
    public required string RouteId { get; init; }
    public required DateTime FormedTs { get; init; }
    public required int Units { get; init; }

    /// <summary>Its highest shipment priority: reported only, never changes the queue order (§13.2).</summary>
    public required string Priority { get; init; }

    public string Status { get; set; } = TripStatus.Queued;
    public long? TruckId { get; set; }
    public DateTime? ScheduledTs { get; set; }

    /// <summary>When the truck is back at the DC and free.</summary>
    public DateTime? ReturnTs { get; set; }

    public Trip Copy() => (Trip)MemberwiseClone();
}

internal static class TripStatus
{
    public const string Queued = "QUEUED";
    public const string Scheduled = "SCHEDULED";
    public const string Loading = "LOADING";
    public const string InTransit = "IN_TRANSIT";
    public const string Returning = "RETURNING";
}
