using NodaTime;

namespace RetailSynth.Engine.Simulation.World;

/// <summary>
/// Business date and local hour of the fact rows of one UTC day (data-model §2.3), per node kind. US offsets are whole
/// hours and change only at a UTC hour, so the offset of each (zone, UTC hour of the day) is computed once and a row
/// costs an array read and two divisions. Immutable: the writer thread may use it while the simulator runs ahead.
/// </summary>
public sealed class LocalLabels
{
    /// <summary>Marks a (zone, hour) whose offset is not one whole-hour value across the hour: such rows ask the zone.</summary>
    private const long NotConstant = long.MinValue;

    private readonly NodeZones _zones;
    private readonly long _dayStartTicks;
    private readonly long[] _offsetTicks;

    internal LocalLabels(NodeZones zones, DateOnly day)
    {
        _zones = zones;
        _dayStartTicks = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;
        _offsetTicks = new long[zones.Zones.Count * 24];
        for (var z = 0; z < zones.Zones.Count; z++)
        {
            for (var h = 0; h < 24; h++)
            {
                var start = Instant.FromUnixTimeTicks(_dayStartTicks - DateTime.UnixEpoch.Ticks + (h * TimeSpan.TicksPerHour));
                var offset = zones.Zones[z].GetUtcOffset(start).Ticks;
                var constant = zones.Zones[z].GetUtcOffset(start.PlusTicks(TimeSpan.TicksPerHour - 1)).Ticks == offset
                    && offset % TimeSpan.TicksPerHour == 0;
                _offsetTicks[(z * 24) + h] = constant ? offset : NotConstant;
            }
        }
    }

    public LocalLabel OfStore(long storeId, DateTime utc) => Label(_zones.StoreZone(storeId), utc);

    public LocalLabel OfDc(long dcId, DateTime utc) => Label(_zones.DcZone(dcId), utc);

    /// <summary>The label in the zone of the customer's home geography (marketing rows).</summary>
    public LocalLabel OfCustomer(long customerId, DateTime utc) => Label(_zones.CustomerZone(customerId), utc);

    /// <summary>The label at a node named as in the fact tables: <c>STORE</c> or <c>DC</c> and its id.</summary>
    public LocalLabel OfNode(string nodeType, long nodeId, DateTime utc) => nodeType switch
    {
        "STORE" => OfStore(nodeId, utc),
        "DC" => OfDc(nodeId, utc),
        _ => throw new InvalidOperationException($"Node type '{nodeType}' has no time zone; expected STORE or DC."),
    };

    private LocalLabel Label(int zone, DateTime utc)
    {
        var hour = (utc.Ticks - _dayStartTicks) / TimeSpan.TicksPerHour;
        var offset = utc.Ticks >= _dayStartTicks && hour < 24 ? _offsetTicks[(zone * 24) + hour] : NotConstant;
        if (offset == NotConstant)
        {
            offset = _zones.Zones[zone].GetUtcOffset(Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).Ticks;
        }

        var local = utc.Ticks + offset;
        return new LocalLabel(DateOnly.FromDayNumber((int)(local / TimeSpan.TicksPerDay)), (short)(local / TimeSpan.TicksPerHour % 24));
    }
}
