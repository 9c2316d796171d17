
namespace RetailSynth.Engine.Events;

/// <summary>Trucks, ad impressions and online orders (events.md §6.10, §6.11, §6.13, §6.15–§6.17).</summary>
internal sealed partial class EventEncoder
{
    /// <summary>truck_arrived (ARRIVED) or truck_departed (COMPLETED); the caller passes only those statuses.</summary>
    public EncodedEvent TruckMove(TruckMoveFact m, EventType type, in EventSlot slot)
    {
        var arrived = type switch
        {
            EventType.TruckArrived => true,
            EventType.TruckDeparted => false,
            _ => throw new UnknownEventTypeException($"A truck move cannot feed {EventTypes.Name(type)}."),
        };
        TruckKey(type, m.ShipmentId, _id);
        if (!arrived)
        {
            TruckKey(EventType.TruckArrived, m.ShipmentId, _parent);
        }

        Head(type);
        Key().Raw("\"TRUCK_"u8); // truck_id is the string TRUCK_{n}
        _json.Integer(m.TruckId);
        _json.Raw("\""u8);
        Key().Integer(m.DcId);
        Key().Integer(m.StoreId);
        Key().String(m.ShipmentId);
        if (arrived)
        {
            Key().Timestamp(m.EventTs);
            Key().Integer(m.EstimatedUnloadMinutes);
        }
        else
        {
            Key().Timestamp(m.EventTs);
            Key().Integer(m.ActualUnloadMinutes ?? throw new InvalidOperationException($"Completed shipment {m.ShipmentId} has no actual unload duration."));
        }

        return Tail(type, m.EventTs, DcKey(m.DcId), null, m.ShipmentId, !arrived, slot);
    }

    public EncodedEvent AdImpression(MarketingFact m, in EventSlot slot)
    {
        const EventType type = EventType.AdImpression;
        BeginKey(type);
        KeyPart(m.ImpressionIdExt);
        EndKey(_id);

        Head(type);
        Key().String(m.Channel);
        Key().String(m.CampaignId);
        Key().String(m.CreativeId);
        Key().String(m.CustomerAdId);
        Key().String(m.ImpressionIdExt);
        Key().Money(m.CostCents);
        Key().String(m.DeviceType);
        Key().Integer(m.CustomerId);
        return Tail(type, m.EventTs, CampaignKey(m.CampaignId), m.CorrelationId, null, false, slot);
    }

    public EncodedEvent OnlineOrderCreated(OnlineOrderHeaderFact o, in EventSlot slot)
    {
        const EventType type = EventType.OnlineOrderCreated;
        BeginKey(type);
        KeyPart(o.OrderIdExt);
        EndKey(_id);

        Head(type);
        Key().String(o.OrderIdExt);
        Key().Integer(o.CustomerId);
        Key().String(o.FulfillmentMode);
        Key().String(o.NodeType);
        Key().Integer(o.NodeId);
        Key().Integer(o.ItemCount);
        HeaderTotals(o.Money, o.TenderType);
        HeaderTail(o.CampaignId, o.ImpressionIdExt, o.Money);
        return Tail(type, o.EventTs, OrderKey(o.OrderIdExt), o.CorrelationId, o.OrderIdExt, false, slot);
    }

    /// <summary>online_order_picked (PICKED) or online_order_shipped (SHIPPED); the caller passes only those statuses.</summary>
    public EncodedEvent OnlineOrderStatus(OnlineOrderStatusFact s, EventType type, in EventSlot slot)
    {
        if (type is not (EventType.OnlineOrderPicked or EventType.OnlineOrderShipped))
        {
            throw new UnknownEventTypeException($"An order status cannot feed {EventTypes.Name(type)}.");
        }

        OrderStatusKey(type, s.OrderIdExt, _id);
        ParentId(EventType.OnlineOrderCreated, s.OrderIdExt);

        Head(type);
        Key().String(s.OrderIdExt);
        Key().String(s.NodeType);
        Key().Integer(s.NodeId);
        Key().String(s.FulfillmentMode);
        Key().Timestamp(s.EventTs);
        return Tail(type, s.EventTs, OrderKey(s.OrderIdExt), s.CorrelationId, s.OrderIdExt, true, slot);
    }

    /// <summary>Row key <c>shipment_id|ARRIVED</c> or <c>…|COMPLETED</c>.</summary>
    private void TruckKey(EventType type, string shipmentId, byte[] destination) =>
        StatusKey(type, shipmentId, type == EventType.TruckArrived ? "ARRIVED"u8 : "COMPLETED"u8, destination);

    /// <summary>Row key <c>order_id|PICKED</c> or <c>…|SHIPPED</c>.</summary>
    private void OrderStatusKey(EventType type, string orderIdExt, byte[] destination) =>
        StatusKey(type, orderIdExt, type == EventType.OnlineOrderPicked ? "PICKED"u8 : "SHIPPED"u8, destination);

    /// <summary>Row key <c>id|STATUS</c>: one id passing through a status.</summary>
    private void StatusKey(EventType type, string id, ReadOnlySpan<byte> status, byte[] destination)
    {
        BeginKey(type);
        KeyPart(id);
        KeySeparator();
        KeyPart(status);
        EndKey(destination);
    }
}
