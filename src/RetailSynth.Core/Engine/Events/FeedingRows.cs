namespace RetailSynth.Engine.Events;

/// <summary>
/// The status-dependent rows of events.md §1: which truck moves and order statuses feed an event. Every
/// status the simulator writes is listed; an unlisted one throws rather than being silently dropped (E2, E3).
/// </summary>
internal static class FeedingRows
{
    public static EventType? TruckMove(string status) => status switch
    {
        "ARRIVED" => EventType.TruckArrived,
        "COMPLETED" => EventType.TruckDeparted,
        "SCHEDULED" or "LOADING" or "IN_TRANSIT" or "UNLOADING" => null,
        _ => throw new InvalidOperationException($"Truck move status '{status}' is not in the event mapping of events.md §1."),
    };

    public static EventType? OrderStatus(string status) => status switch
    {
        "PICKED" => EventType.OnlineOrderPicked,
        "SHIPPED" => EventType.OnlineOrderShipped,
        "DELIVERED" or "CANCELLED" => null,
        _ => throw new InvalidOperationException($"Order status '{status}' is not in the event mapping of events.md §1."),
    };
}
