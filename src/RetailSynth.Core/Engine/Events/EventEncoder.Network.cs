
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
        _json.Raw("\"truck_id\":\"TRUCK_"u8);
        _json.Integer(m.TruckId);
        _json.Raw("\",\"dc_id\":"u8);
        _json.Integer(m.DcId);
        _json.Raw(",\"store_id\":"u8);
        _json.Integer(m.StoreId);
        _json.Raw(",\"shipment_id\":"u8);
        _json.String(m.ShipmentId);
        if (arrived)
        {
            _json.Raw(",\"arrival_time\":"u8);
            _json.Timestamp(m.EventTs);
            _json.Raw(",\"estimated_unload_duration\":"u8);
            _json.Integer(m.EstimatedUnloadMinutes);
        }
        else
        {
            _json.Raw(",\"departure_time\":"u8);
            _json.Timestamp(m.EventTs);
            _json.Raw(",\"actual_unload_duration\":"u8);
            _json.Integer(m.ActualUnloadMinutes ?? throw new InvalidOperationException($"Completed shipment {m.ShipmentId} has no actual unload duration."));
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
        _json.Raw("\"channel\":"u8);
        _json.String(m.Channel);
        _json.Raw(",\"campaign_id\":"u8);
        _json.String(m.CampaignId);
        _json.Raw(",\"creative_id\":"u8);
        _json.String(m.CreativeId);
        _json.Raw(",\"customer_ad_id\":"u8);
        _json.String(m.CustomerAdId);
        _json.Raw(",\"impression_id\":"u8);
        _json.String(m.ImpressionIdExt);
        _json.Raw(",\"cost\":"u8);
        _json.Money(m.CostCents);
        _json.Raw(",\"device_type\":"u8);
        _json.String(m.DeviceType);
        _json.Raw(",\"customer_id\":"u8);
        _json.Integer(m.CustomerId);
        return Tail(type, m.EventTs, CampaignKey(m.CampaignId), m.CorrelationId, null, false, slot);
    }

    public EncodedEvent OnlineOrderCreated(OnlineOrderHeaderFact o, in EventSlot slot)
    {
        const EventType type = EventType.OnlineOrderCreated;
        BeginKey(type);
        KeyPart(o.OrderIdExt);
        EndKey(_id);

        Head(type);
        _json.Raw("\"order_id\":"u8);
        _json.String(o.OrderIdExt);
        _json.Raw(",\"customer_id\":"u8);
        _json.Integer(o.CustomerId);
        _json.Raw(",\"fulfillment_mode\":"u8);
        _json.String(o.FulfillmentMode);
        _json.Raw(",\"node_type\":"u8);
        _json.String(o.NodeType);
        _json.Raw(",\"node_id\":"u8);
        _json.Integer(o.NodeId);
        _json.Raw(",\"item_count\":"u8);
        _json.Integer(o.ItemCount);
        _json.Raw(",\"subtotal\":"u8);
        _json.Money(o.Money.SubtotalCents);
        _json.Raw(",\"tax\":"u8);
        _json.Money(o.Money.TaxCents);
        _json.Raw(",\"total\":"u8);
        _json.Money(o.Money.TotalCents);
        _json.Raw(",\"tender_type\":"u8);
        _json.String(o.TenderType);
        _json.Raw(",\"campaign_id\":"u8);
        _json.String(o.CampaignId);
        _json.Raw(",\"impression_id\":"u8);
        _json.String(o.ImpressionIdExt);
        HeaderCents(o.Money);
        return Tail(type, o.EventTs, OrderKey(o.OrderIdExt), o.CorrelationId, o.OrderIdExt, false, slot);
    }

    /// <summary>online_order_picked (PICKED) or online_order_shipped (SHIPPED); the caller passes only those statuses.</summary>
    public EncodedEvent OnlineOrderStatus(OnlineOrderStatusFact s, EventType type, in EventSlot slot)
    {
        var picked = type switch
        {
            EventType.OnlineOrderPicked => true,
            EventType.OnlineOrderShipped => false,
            _ => throw new UnknownEventTypeException($"An order status cannot feed {EventTypes.Name(type)}."),
        };
        BeginKey(type);
        KeyPart(s.OrderIdExt);
        KeySeparator();
        KeyPart(picked ? "PICKED"u8 : "SHIPPED"u8);
        EndKey(_id);
        ParentId(EventType.OnlineOrderCreated, s.OrderIdExt);

        Head(type);
        _json.Raw("\"order_id\":"u8);
        _json.String(s.OrderIdExt);
        _json.Raw(",\"node_type\":"u8);
        _json.String(s.NodeType);
        _json.Raw(",\"node_id\":"u8);
        _json.Integer(s.NodeId);
        _json.Raw(",\"fulfillment_mode\":"u8);
        _json.String(s.FulfillmentMode);
        _json.Raw(picked ? ",\"picked_time\":"u8 : ",\"shipped_time\":"u8);
        _json.Timestamp(s.EventTs);
        return Tail(type, s.EventTs, OrderKey(s.OrderIdExt), s.CorrelationId, s.OrderIdExt, true, slot);
    }

    private void TruckKey(EventType type, string shipmentId, byte[] destination)
    {
        BeginKey(type);
        KeyPart(shipmentId);
        KeySeparator();
        KeyPart(type == EventType.TruckArrived ? "ARRIVED"u8 : "COMPLETED"u8);
        EndKey(destination);
    }
}
