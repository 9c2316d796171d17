namespace RetailSynth.Engine.Simulation.State;

/// <summary>
/// sim_open_orders: an online order not yet DELIVERED or CANCELLED, or a cancelled one whose refund
/// falls on a later day (§15). Every transition instant is fixed at creation; each status row is
/// written by the day that contains it. Lines, customer and total come from the committed order rows.
/// </summary>
public sealed class OpenOrder
{
    public required string OrderIdExt { get; init; }
    public required string FulfillmentMode { get; init; }
    public required string NodeType { get; init; }
    public required long NodeId { get; init; }
    public string? CorrelationId { get; init; }
    public required DateTime PickedTs { get; init; }
    public DateTime? ShippedTs { get; init; }
    public required DateTime DeliveredTs { get; init; }
    public DateTime? CancelTs { get; init; }
    public DateTime? RefundTs { get; set; }
    public required string NextStatus { get; set; }

    /// <summary>Delivered, or cancelled with its refund written: leaves the state at once.</summary>
    public bool Closed { get; private set; }

    public void Close() => Closed = true;

    public OpenOrder Copy() => (OpenOrder)MemberwiseClone();

    public required long CustomerId { get; init; }
    public required long TotalCents { get; init; }
    public required string Tender { get; init; }
    public required int LastAttempt { get; init; }
    public required IReadOnlyList<(long ProductId, int Quantity)> Lines { get; init; }

    /// <summary>Creation instant: its date is the gift-season date of the order's return decision (§11).</summary>
    public required DateTime CreatedTs { get; init; }

    /// <summary>The order lines with their cents, which a return copies negated (§4, §11).</summary>
    public required IReadOnlyList<Stores.SoldLine> SoldLines { get; init; }
}

internal static class OrderStatus
{
    public const string Picked = "PICKED";
    public const string Shipped = "SHIPPED";
    public const string Delivered = "DELIVERED";
    public const string Cancelled = "CANCELLED";
    public const string Refunded = "REFUNDED";
}
