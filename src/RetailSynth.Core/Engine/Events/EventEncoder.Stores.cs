
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
        Key().Integer(f.StoreId);
        Key().String(f.SensorId);
        Key().String(f.Zone);
        Key().Integer(f.CustomerCount);
        Key().Integer(f.DwellSeconds);
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
        Key().Integer(z.StoreId);
        Key().String(z.CustomerBleId);
        Key().String(z.FromZone);
        Key().String(z.ToZone);
        Key().Timestamp(z.EventTs);
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
        Key().Integer(b.StoreId);
        Key().String(b.BeaconId);
        Key().String(b.CustomerBleId);
        Key().Integer(b.Rssi);
        Key().String(b.Zone);
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
        Key().Integer(o.StoreId);
        Key().Timestamp(o.EventTs);
        Key().String(o.OperationType);
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
