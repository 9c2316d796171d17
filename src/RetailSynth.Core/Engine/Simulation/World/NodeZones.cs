using NodaTime;

namespace RetailSynth.Engine.Simulation.World;

/// <summary>
/// The time zone of every node a fact row can happen at (data-model §2.3): each store, each DC and each customer's
/// home geography, as an index into the few distinct zones, so <see cref="LocalLabels"/> can cache offsets per zone.
/// </summary>
public sealed class NodeZones
{
    /// <summary>An id with no node: looking it up is a bug, not a zone.</summary>
    private const byte NoZone = byte.MaxValue;

    private readonly byte[] _storeZone;
    private readonly byte[] _dcZone;
    private readonly byte[] _customerZone;

    /// <summary>Subtracted from every id before it indexes a map: the region's r × 10⁸ (scale-out §2), so maps stay small.</summary>
    private readonly long _idBase;

    public NodeZones(SimulationWorld world)
        : this(
            world.Stores.Select(s => (s.Store.StoreId, s.Store.TimeZone)),
            world.Dcs.Select(d => (d.Dc.DcId, d.Dc.TimeZone)),
            HomeZones(world),
            world.Region.IdBase)
    {
    }

    /// <summary>
    /// Zones given by IANA id per store, DC and customer id; id − <paramref name="idBase"/> indexes arrays (a region's ids
    /// are small and dense above its base).
    /// </summary>
    internal NodeZones(
        IEnumerable<(long StoreId, string Zone)> stores,
        IEnumerable<(long DcId, string Zone)> dcs,
        IEnumerable<(long CustomerId, string Zone)> customers,
        long idBase = 0)
    {
        _idBase = idBase;
        var zones = new List<DateTimeZone>();
        var indexById = new Dictionary<string, byte>(StringComparer.Ordinal);
        byte[] Map(IEnumerable<(long Id, string Zone)> nodes)
        {
            var list = nodes.ToList();
            var map = new byte[list.Count == 0 ? 1 : list.Max(n => n.Id) - idBase + 1];
            Array.Fill(map, NoZone);
            foreach (var (id, zone) in list)
            {
                if (!indexById.TryGetValue(zone, out var index))
                {
                    index = (byte)zones.Count;
                    indexById.Add(zone, index);
                    zones.Add(TimeZones.Resolve(zone));
                }

                map[id - idBase] = index;
            }

            return map;
        }

        _storeZone = Map(stores);
        _dcZone = Map(dcs);
        _customerZone = Map(customers);
        Zones = zones;
    }

    /// <summary>The distinct zones, in order of first use.</summary>
    public IReadOnlyList<DateTimeZone> Zones { get; }

    /// <summary>The labels of rows whose event_ts lies in the UTC day <paramref name="day"/>, offsets computed once for it.</summary>
    public LocalLabels ForDay(DateOnly day) => new(this, day);

    private static IEnumerable<(long, string)> HomeZones(SimulationWorld world)
    {
        var zoneOfGeography = world.Geographies.ToDictionary(g => g.GeographyId, g => g.TimeZone);
        return world.Customers.Rows.Select(c => (c.CustomerId, zoneOfGeography[c.GeographyId]));
    }

    internal int StoreZone(long storeId) => Find(_storeZone, storeId, "store");

    internal int DcZone(long dcId) => Find(_dcZone, dcId, "DC");

    internal int CustomerZone(long customerId) => Find(_customerZone, customerId, "customer");

    private int Find(byte[] zones, long id, string kind) =>
        (ulong)(id - _idBase) < (ulong)zones.Length && zones[id - _idBase] != NoZone
            ? zones[id - _idBase]
            : throw new InvalidOperationException($"A fact row names {kind} {id}, which has no time zone: no such {kind} in the dimensions.");
}
