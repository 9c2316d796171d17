namespace RetailSynth.Engine.Dimensions;

/// <summary>
/// Region r's surrogate keys (scale-out §2): its dimensions are generated with ids 1…N like a one-region dataset, then
/// every key and foreign key moves up by r × 10⁸, and every identifier built from an id (store and DC numbers, route ids,
/// loyalty card, ble_id, ad_id, license plate) is built again from the moved id. Products keep their ids: the catalog is
/// shared. No draw or order depends on the ids' values (ties by id keep their order), so this equals generating with the
/// moved ids directly; region 0 is returned as it is.
/// </summary>
internal static class RegionalKeys
{
    public static DimensionSet Offset(DimensionSet set, IdOffsets offsets)
    {
        var idBase = set.Region.IdBase;
        if (idBase == 0)
        {
            return set;
        }

        long Key(long id) => id + idBase;

        var routeIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var routesOfDc = new Dictionary<long, int>();
        var routes = set.Fleet.Routes.Select(route =>
        {
            // Routes are listed DC by DC, k = 1… within each (data-model §13.1).
            var k = routesOfDc[route.DcId] = routesOfDc.GetValueOrDefault(route.DcId) + 1;
            var routeId = Identifiers.RouteId(Key(route.DcId), k);
            routeIds.Add(route.RouteId, routeId);
            return route with { RouteId = routeId, DcId = Key(route.DcId), StoreIds = [.. route.StoreIds.Select(Key)] };
        }).ToList();

        return set with
        {
            Geographies = [.. set.Geographies.Select(g => g with { GeographyId = Key(g.GeographyId) })],
            DistributionCenters = [.. set.DistributionCenters.Select(d => d with
            {
                DcId = Key(d.DcId),
                DcNumber = Identifiers.DcNumber(Key(d.DcId)),
                GeographyId = Key(d.GeographyId),
            })],
            Stores = [.. set.Stores.Select(s => s with
            {
                StoreId = Key(s.StoreId),
                StoreNumber = Identifiers.StoreNumber(Key(s.StoreId)),
                GeographyId = Key(s.GeographyId),
                NearestDcId = Key(s.NearestDcId),
                NeighborStoreIds = [.. s.NeighborStoreIds.Select(Key)],
                RouteId = routeIds[s.RouteId],
            })],
            Trucks = [.. set.Trucks.Select(t => t with
            {
                TruckId = Key(t.TruckId),
                LicensePlate = FleetPlanner.LicensePlate(Key(t.TruckId), offsets.LicensePlate),
                DcId = t.DcId is { } dc ? Key(dc) : null,
            })],
            Customers = [.. set.Customers.Select(c => c with
            {
                CustomerId = Key(c.CustomerId),
                GeographyId = Key(c.GeographyId),
                LoyaltyCard = Identifiers.LoyaltyCard(Key(c.CustomerId)),
                BleId = Identifiers.BleId(Key(c.CustomerId), offsets.Ble),
                AdId = Identifiers.AdId(Key(c.CustomerId), offsets.Ad),
                PrimaryStoreId = Key(c.PrimaryStoreId),
                SecondaryStoreId = c.SecondaryStoreId is { } s ? Key(s) : null,
            })],
            Fleet = new FleetReport(
                routes,
                [.. set.Fleet.PerDc.Select(d => d with { DcId = Key(d.DcId) })],
                [.. set.Fleet.PoolStartDcIds.Select(Key)]),
        };
    }
}
