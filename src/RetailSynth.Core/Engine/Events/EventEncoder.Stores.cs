
namespace RetailSynth.Engine.Events;

/// <summary>Sensors, beacons and store operations (events.md §6.7–§6.9, §6.12).</summary>
internal sealed partial class EventEncoder
{
    public EncodedEvent CustomerEntered(FootTrafficFact f, in EventSlot slot)
    {
        const EventType type = EventType.CustomerEntered;
        BeginKey(type);
        KeyPart(f.StoreId);
        KeySeparator();
        KeyPart(f.WindowStartTs);
        KeySeparator();
        KeyPart(f.Zone);
        EndKey(_id);

        Head(type);
        _json.Raw("\"store_id\":"u8);
        _json.Integer(f.StoreId);
        _json.Raw(",\"sensor_id\":"u8);
        _json.String(f.SensorId);
        _json.Raw(",\"zone\":"u8);
        _json.String(f.Zone);
        _json.Raw(",\"customer_count\":"u8);
        _json.Integer(f.CustomerCount);
        _json.Raw(",\"dwell_time\":"u8);
        _json.Integer(f.DwellSeconds);
        return Tail(type, f.EventTs, StoreKey(f.StoreId), null, null, false, slot);
    }

    public EncodedEvent CustomerZoneChanged(ZoneChangeFact z, in EventSlot slot)
    {
        const EventType type = EventType.CustomerZoneChanged;
        BeginKey(type);
        KeyPart(z.VisitId);
        KeySeparator();
        KeyPart(z.ChangeSeq);
        EndKey(_id);

        Head(type);
        _json.Raw("\"store_id\":"u8);
        _json.Integer(z.StoreId);
        _json.Raw(",\"customer_ble_id\":"u8);
        _json.String(z.CustomerBleId);
        _json.Raw(",\"from_zone\":"u8);
        _json.String(z.FromZone);
        _json.Raw(",\"to_zone\":"u8);
        _json.String(z.ToZone);
        _json.Raw(",\"timestamp\":"u8);
        _json.Timestamp(z.EventTs);
        return Tail(type, z.EventTs, StoreKey(z.StoreId), null, z.VisitId, false, slot);
    }

    public EncodedEvent BlePingDetected(BlePingFact b, in EventSlot slot)
    {
        const EventType type = EventType.BlePingDetected;
        BeginKey(type);
        KeyPart(b.VisitId);
        KeySeparator();
        KeyPart(b.PingSeq);
        EndKey(_id);

        Head(type);
        _json.Raw("\"store_id\":"u8);
        _json.Integer(b.StoreId);
        _json.Raw(",\"beacon_id\":"u8);
        _json.String(b.BeaconId);
        _json.Raw(",\"customer_ble_id\":"u8);
        _json.String(b.CustomerBleId);
        _json.Raw(",\"rssi\":"u8);
        _json.Integer(b.Rssi);
        _json.Raw(",\"zone\":"u8);
        _json.String(b.Zone);
        return Tail(type, b.EventTs, StoreKey(b.StoreId), null, b.VisitId, false, slot);
    }

    /// <summary>store_opened or store_closed; the close's parent is the opening of the same business date.</summary>
    public EncodedEvent StoreOperation(StoreOpFact o, in EventSlot slot)
    {
        var type = o.OperationType switch
        {
            "OPENED" => EventType.StoreOpened,
            "CLOSED" => EventType.StoreClosed,
            _ => throw new InvalidOperationException($"Store {o.StoreId} operation '{o.OperationType}' feeds no event type."),
        };
        StoreOpKey(type, o, _id);
        var hasParent = type == EventType.StoreClosed;
        if (hasParent)
        {
            StoreOpKey(EventType.StoreOpened, o, _parent);
        }

        Head(type);
        _json.Raw("\"store_id\":"u8);
        _json.Integer(o.StoreId);
        _json.Raw(",\"operation_time\":"u8);
        _json.Timestamp(o.EventTs);
        _json.Raw(",\"operation_type\":"u8);
        _json.String(o.OperationType);
        return Tail(type, o.EventTs, StoreKey(o.StoreId), null, null, hasParent, slot);
    }

    /// <summary>Row key <c>store_id|business_date|OPENED</c> or <c>…|CLOSED</c>.</summary>
    private void StoreOpKey(EventType type, StoreOpFact o, byte[] destination)
    {
        BeginKey(type);
        KeyPart(o.StoreId);
        KeySeparator();
        KeyPart(o.BusinessDate);
        KeySeparator();
        KeyPart(type == EventType.StoreOpened ? "OPENED"u8 : "CLOSED"u8);
        EndKey(destination);
    }
}
