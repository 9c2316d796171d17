namespace RetailSynth.Domain.Facts;

// Fact rows of data-model §16 written by the network (Phase A): logistics, marketing, online orders.

/// <summary>fact_truck_moves (§16.8), key (shipment_id, status).</summary>
public sealed record TruckMoveFact(
    string ShipmentId,
    string Status,
    DateTime EventTs,
    long TruckId,
    long DcId,
    long StoreId,
    string TemperatureClass,
    string Priority,
    int Units,
    DateTime? DcDepartureTs,
    DateTime Eta,
    DateTime Etd,
    int EstimatedUnloadMinutes,
    int? ActualUnloadMinutes)
{
    /// <summary>The truckload (§13.1) the shipment travels in.</summary>
    public string TripId { get; init; } = "";

    /// <summary>1…n: the shipment's place among the trip's visited stops, in route order.</summary>
    public short StopSeq { get; init; }

    /// <summary>The trip's formation instant.</summary>
    public DateTime FormedTs { get; init; }
}

/// <summary>fact_truck_inventory (§16.9), key (shipment_id, product_id, action).</summary>
public sealed record TruckInventoryFact(
    DateTime EventTs,
    string ShipmentId,
    long TruckId,
    long ProductId,
    int Quantity,
    string Action,
    string LocationType,
    long LocationId);

/// <summary>fact_marketing (§16.13), key impression_id_ext.</summary>
public sealed record MarketingFact(
    string ImpressionIdExt,
    DateTime EventTs,
    string CampaignId,
    string CampaignType,
    string Channel,
    string CreativeId,
    string CustomerAdId,
    long? CustomerId,
    string DeviceType,
    long CostCents,
    string CorrelationId)
{
    /// <summary>The customer the impression targets (customer_id is often NULL): their home zone labels the row (§2.3); not a column.</summary>
    public long TargetCustomerId { get; init; }
}

/// <summary>fact_online_order_headers (§16.17), key order_id_ext.</summary>
public sealed record OnlineOrderHeaderFact(
    string OrderIdExt,
    DateTime EventTs,
    long CustomerId,
    string FulfillmentMode,
    string NodeType,
    long NodeId,
    int ItemCount,
    int LineCount,
    Money Money,
    long TaxRateE5,
    string TenderType,
    string? CampaignId,
    string? ImpressionIdExt,
    string? CorrelationId);

/// <summary>fact_online_order_lines (§16.18), key (order_id_ext, line_num).</summary>
public sealed record OnlineOrderLineFact(
    string OrderIdExt,
    int LineNum,
    DateTime EventTs,
    long ProductId,
    int Quantity,
    long UnitCents,
    LineMoney Money,
    string? PromoCode)
{
    /// <summary>The order's fulfilling node (the header's node_type, node_id), whose zone labels the line (§2.3); not a column.</summary>
    public FulfillmentNode OrderNode { get; init; }
}

/// <summary>fact_online_order_status (§16.19), key (order_id_ext, status).</summary>
public sealed record OnlineOrderStatusFact(
    string OrderIdExt,
    string Status,
    DateTime EventTs,
    string FulfillmentMode,
    string NodeType,
    long NodeId)
{
    /// <summary>The order's journey id (correlation_id of picked/shipped events, written days after the header); not a column.</summary>
    public string? CorrelationId { get; init; }
}
