
namespace RetailSynth.Engine.Events;

/// <summary>Inventory movements, stockouts and reorders (events.md §6.4–§6.6).</summary>
internal sealed partial class EventEncoder
{
    public EncodedEvent InventoryUpdated(InventoryTxnFact t, bool isStore, in EventSlot slot)
    {
        const EventType type = EventType.InventoryUpdated;
        NodeKey(type, isStore, t.NodeId, t.TxnSeq, _id);
        var hasParent = InventoryParent(t, isStore);

        Head(type);
        Key().Integer(isStore ? t.NodeId : null);
        Key().Integer(isStore ? null : t.NodeId);
        Key().Integer(t.ProductId);
        Key().Integer(t.Quantity);
        Key().String(t.Reason);
        Key().String(t.Source);
        return Tail(type, t.EventTs, isStore ? StoreKey(t.NodeId) : DcKey(t.NodeId), null, null, hasParent, slot);
    }

    public EncodedEvent StockoutDetected(StockoutFact s, in EventSlot slot)
    {
        const EventType type = EventType.StockoutDetected;
        var (isStore, node) = (s.StoreId, s.DcId) switch
        {
            ({ } store, null) => (true, store),
            (null, { } dc) => (false, dc),
            _ => throw new InvalidOperationException($"Stockout of product {s.ProductId} must name exactly one of store and DC."),
        };
        NodeKey(type, isStore, node, s.DepletingTxnSeq, _id);
        NodeKey(EventType.InventoryUpdated, isStore, node, s.DepletingTxnSeq, _parent);

        Head(type);
        Key().Integer(s.StoreId);
        Key().Integer(s.DcId);
        Key().Integer(s.ProductId);
        Key().Integer(s.LastKnownQuantity);
        Key().Timestamp(s.EventTs);
        return Tail(type, s.EventTs, isStore ? StoreKey(node) : DcKey(node), null, null, true, slot);
    }

    public EncodedEvent ReorderTriggered(ReorderFact r, in EventSlot slot)
    {
        const EventType type = EventType.ReorderTriggered;
        BeginKey(type);
        KeyPart(r.ReorderId);
        EndKey(_id);

        Head(type);
        Key().Integer(r.StoreId);
        Key().Integer(r.DcId);
        Key().Integer(r.ProductId);
        Key().Integer(r.CurrentQuantity);
        Key().Integer(r.ReorderQuantity);
        Key().Integer(r.ReorderPoint);
        Key().String(r.Priority);
        return Tail(type, r.EventTs, r.StoreId is { } store ? StoreKey(store) : DcKey(r.DcId), null, null, false, slot);
    }

    /// <summary>Row key <c>STORE|store_id|seq</c> or <c>DC|dc_id|seq</c>.</summary>
    private void NodeKey(EventType type, bool isStore, long node, long seq, byte[] destination)
    {
        BeginKey(type);
        KeyPart(isStore ? "STORE"u8 : "DC"u8);
        KeySeparator();
        KeyPart(node);
        KeySeparator();
        KeyPart(seq);
        EndKey(destination);
    }

    /// <summary>
    /// Parent of a movement (events.md §4), told apart by its typed reason and source: a store SALE of a receipt →
    /// receipt_created; a SALE of an online order (store or DC pick) → online_order_picked; a store RETURN, DAMAGED
    /// or return-to-vendor OUTBOUND_SHIPMENT → the return's receipt_created; a store INBOUND_SHIPMENT → the
    /// shipment's truck_departed; DC shipments and ADJUSTMENT → none.
    /// </summary>
    private bool InventoryParent(InventoryTxnFact t, bool isStore)
    {
        switch (t.Reason)
        {
            case "SALE" when IsOrderId(t.Source):
                OrderStatusKey(EventType.OnlineOrderPicked, t.Source, _parent);
                return true;
            case "SALE" when isStore:
            case "RETURN" or "DAMAGED" when isStore:
            case "OUTBOUND_SHIPMENT" when isStore:
                ParentId(EventType.ReceiptCreated, t.Source);
                return true;
            case "INBOUND_SHIPMENT" when isStore:
                TruckKey(EventType.TruckDeparted, t.Source, _parent);
                return true;
            case "INBOUND_SHIPMENT" or "OUTBOUND_SHIPMENT" or "ADJUSTMENT" when !isStore:
            case "ADJUSTMENT":
                return false;
            default:
                throw new InvalidOperationException(
                    $"{(isStore ? "Store" : "DC")} movement {t.NodeId}|{t.TxnSeq} has reason '{t.Reason}', which has no parent rule (events.md §4).");
        }
    }

    /// <summary>Online order ids are <c>ONL-…</c> (data-model §3.3); receipts <c>RCP-…</c>.</summary>
    private static bool IsOrderId(string source) => source.StartsWith("ONL-", StringComparison.Ordinal);
}
