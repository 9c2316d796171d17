namespace RetailSynth.Domain;

/// <summary>Inventory movement reasons in the order of data-model §3.4 (the DC txn_seq tie-break order).</summary>
internal static class InventoryReasons
{
    public const string Sale = "SALE";
    public const string Return = "RETURN";
    public const string InboundShipment = "INBOUND_SHIPMENT";
    public const string OutboundShipment = "OUTBOUND_SHIPMENT";
    public const string Adjustment = "ADJUSTMENT";
    public const string Damaged = "DAMAGED";
    public static readonly IReadOnlyList<string> All = [Sale, Return, InboundShipment, OutboundShipment, Adjustment, Damaged];

    public static int Order(string reason) => reason switch
    {
        Sale => 0,
        Return => 1,
        InboundShipment => 2,
        OutboundShipment => 3,
        Adjustment => 4,
        _ => 5,
    };
}
