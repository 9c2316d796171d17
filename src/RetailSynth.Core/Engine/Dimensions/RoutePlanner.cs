using RetailSynth.Engine.Logistics;

namespace RetailSynth.Engine.Dimensions;

/// <summary>
/// Delivery routes (data-model §13.1): each DC's stores swept by bearing into routes of at most 4 stops that one truck
/// can serve — expected units within 90 % of a truck, ≤ 10 h of outbound driving and a worst-case cycle ≤ 40 h.
/// </summary>
internal static class RoutePlanner
{
    public const int MaxStops = 4;
    public const double FillTarget = 0.9;
    public const double MaxOutboundHours = 10;
    public const double MaxWorstCaseCycleHours = 40;
    public const double WorstTripFactor = 1.15;
    public const long WorstDockWaitSeconds = 30 * 60;
    public const double WorstUnloadFactor = 1.3;

    private static readonly DateTime s_planningOrigin = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The stores with their route columns set, and the routes in route_id order.</summary>
    public static (List<Store> Stores, List<DeliveryRoute> Routes) Plan(
        IReadOnlyList<DistributionCenter> dcs, IReadOnlyList<Store> stores, IReadOnlyList<double> expectedUnits, int truckCapacity)
    {
        var routed = stores.ToArray();
        var routes = new List<DeliveryRoute>();
        foreach (var dc in dcs)
        {
            var swept = stores
                .Where(s => s.NearestDcId == dc.DcId)
                .Select(s => (Store: s, Bearing: Bearing(dc, s)))
                .OrderBy(x => x.Bearing).ThenBy(x => x.Store.StoreId)
                .Select(x => x.Store)
                .ToList();
            var k = 0;
            var open = new List<Store>();
            foreach (var store in swept)
            {
                if (open.Count > 0 && !Fits([.. open, store], expectedUnits, truckCapacity))
                {
                    routes.Add(Close(dc, ++k, open, expectedUnits, routed));
                    open = [];
                }

                open.Add(store);
            }

            if (open.Count > 0)
            {
                routes.Add(Close(dc, ++k, open, expectedUnits, routed));
            }
        }

        return ([.. routed], routes);
    }

    /// <summary>Route stop order: ascending dc_road_miles, ties by store_id.</summary>
    public static List<Store> StopOrder(IEnumerable<Store> stores) =>
        [.. stores.OrderBy(s => s.DcRoadMiles).ThenBy(s => s.StoreId)];

    /// <summary>Σ over the legs, in stop order, of 0.25 h + road miles / 50 mph.</summary>
    public static double OutboundHours(IReadOnlyList<Store> ordered)
    {
        var hours = 0.0;
        for (var i = 0; i < ordered.Count; i++)
        {
            hours += TripTimeline.LegOverheadHours + (LegMiles(ordered, i) / TripTimeline.SpeedMph);
        }

        return hours;
    }

    /// <summary>The timeline of §13.3 for a full truck (units ∝ U_s) at f 1.15, dock wait 30 min, unload factor 1.3.</summary>
    public static double WorstCaseCycleHours(IReadOnlyList<Store> ordered, IReadOnlyList<double> expectedUnits, int truckCapacity)
    {
        var units = LargestRemainder.Distribute(truckCapacity, [.. ordered.Select(s => expectedUnits[(int)s.StoreId - 1])]);
        return Timeline(ordered, units, truckCapacity, WorstTripFactor, WorstDockWaitSeconds, WorstUnloadFactor).CycleHours;
    }

    /// <summary>The trip over all of <paramref name="ordered"/> with the given units per stop, under the HOS clock.</summary>
    public static TripSchedule Timeline(
        IReadOnlyList<Store> ordered, IReadOnlyList<int> units, int truckCapacity, double tripFactor, long dockWaitSeconds, double unloadFactor)
    {
        var stops = ordered.Select((s, i) => new TripStop(LegMiles(ordered, i), units[i])).ToList();
        return TripTimeline.Compute(
            s_planningOrigin, stops, ordered[^1].DcRoadMiles, truckCapacity, tripFactor, dockWaitSeconds, unloadFactor);
    }

    private static bool Fits(List<Store> candidate, IReadOnlyList<double> expectedUnits, int truckCapacity)
    {
        var units = 0.0;
        foreach (var store in candidate)
        {
            units += expectedUnits[(int)store.StoreId - 1];
        }

        if (units > FillTarget * truckCapacity || candidate.Count > MaxStops)
        {
            return false;
        }

        var ordered = StopOrder(candidate);
        return OutboundHours(ordered) <= MaxOutboundHours
            && WorstCaseCycleHours(ordered, expectedUnits, truckCapacity) <= MaxWorstCaseCycleHours;
    }

    private static double LegMiles(IReadOnlyList<Store> ordered, int i) =>
        i == 0 ? ordered[0].DcRoadMiles : Miles(ordered[i - 1], ordered[i]);

    private static double Miles(Store a, Store b) => Haversine.RoadMiles(a.Latitude, a.Longitude, b.Latitude, b.Longitude);

    private static DeliveryRoute Close(DistributionCenter dc, int k, List<Store> stores, IReadOnlyList<double> expectedUnits, Store[] routed)
    {
        var routeId = Identifiers.RouteId(dc.DcId, k);
        var ordered = StopOrder(stores);
        for (var i = 0; i < ordered.Count; i++)
        {
            var store = ordered[i];
            routed[store.StoreId - 1] = store with
            {
                RouteId = routeId,
                RouteStopSeq = (short)(i + 1),
                RouteLegMiles = LegMiles(ordered, i),
                RouteStopMiles = [.. ordered.Select(other => other.StoreId == store.StoreId ? 0 : Miles(store, other))],
            };
        }

        var units = 0.0;
        foreach (var store in ordered)
        {
            units += expectedUnits[(int)store.StoreId - 1];
        }

        return new DeliveryRoute(routeId, dc.DcId, [.. ordered.Select(s => s.StoreId)], units);
    }

    /// <summary>θ = atan2(Δlon × cos(lat_DC), Δlat) in degrees clockwise from north, in [0, 360).</summary>
    private static double Bearing(DistributionCenter dc, Store store)
    {
        var theta = Math.Atan2((store.Longitude - dc.Longitude) * Math.Cos(dc.Latitude * Math.PI / 180), store.Latitude - dc.Latitude) * 180 / Math.PI;
        return theta < 0 ? theta + 360 : theta;
    }
}
