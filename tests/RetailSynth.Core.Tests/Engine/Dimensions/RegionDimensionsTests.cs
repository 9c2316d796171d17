using RetailSynth.Domain;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Errors;
using RetailSynth.Foundation.Geo;
using RetailSynth.Foundation.Randomness;
using RetailSynth.Reference;

namespace RetailSynth.Core.Tests.Engine.Dimensions;

/// <summary>The dimensions of one region of several (scale-out §1–2): hubs, geographies and ids.</summary>
public class RegionDimensionsTests
{
    private static readonly ReferenceDictionaries s_d = ReferenceDictionaries.LoadEmbedded();

    /// <summary>A reduced <c>small</c> with 2 DCs a region, so three regions fit the 400-mi hub pass.</summary>
    private static SimulationOptions Options(int regions = 1, long seed = 42)
    {
        var options = SimulationProfiles.Create("small")!;
        options.Seed = seed;
        options.Regions = regions;
        options.DistributionCenters = 2;
        options.Stores = 8;
        options.Customers = 2_000;
        options.Products = 400;
        options.Geographies = 40;
        return options;
    }

    private static readonly Lazy<DimensionSet[]> s_threeRegions = new(() =>
        [.. Enumerable.Range(0, 3).Select(r => DimensionGenerator.Generate(Options(regions: 3), s_d, new Region(r, 3)))]);

    private static string Fingerprint(DimensionSet set) => string.Join('\n',
        set.Geographies.Select(x => x.ToString())
            .Concat(set.DistributionCenters.Select(x => $"{x} {string.Join(' ', x.RoadMilesToDcs)}"))
            .Concat(set.Stores.Select(x => $"{x} {x.RouteId} {x.RouteStopSeq} {x.RouteLegMiles} {string.Join(' ', x.NeighborStoreIds)} {string.Join(' ', x.RouteStopMiles)}"))
            .Concat(set.Trucks.Select(x => x.ToString()))
            .Concat(set.Customers.Select(x => x.ToString()))
            .Concat(set.Products.Select(x => x.ToString()))
            .Concat(set.Fleet.Routes.Select(x => $"{x} {string.Join(' ', x.StoreIds)}"))
            .Concat(set.Fleet.PerDc.Select(x => x.ToString()))
            .Append(string.Join(' ', set.Fleet.PoolStartDcIds)));

    [Fact]
    public void Region_0_of_three_equals_the_one_region_dataset_of_the_same_settings()
    {
        var options = Options();
        var whole = DimensionGenerator.Generate(options, s_d);
        var first = DimensionGenerator.Generate(options, s_d, new Region(0, 3));

        Assert.Equal(Fingerprint(whole), Fingerprint(first));
        Assert.Equal(1L, whole.Stores[0].StoreId);
    }

    [Fact]
    public void A_region_does_not_depend_on_how_many_regions_the_dataset_has()
    {
        var ofTwo = DimensionGenerator.Generate(Options(regions: 2), s_d, new Region(1, 2));
        var ofThree = s_threeRegions.Value[1];

        Assert.Equal(Fingerprint(ofTwo), Fingerprint(ofThree));
        Assert.NotEqual(Fingerprint(s_threeRegions.Value[0]), Fingerprint(ofThree));
    }

    [Fact]
    public void Ids_of_each_region_lie_in_its_own_range_and_products_are_the_same_everywhere()
    {
        var regions = s_threeRegions.Value;
        for (var r = 0; r < regions.Length; r++)
        {
            var set = regions[r];
            var low = (r * Region.IdStride) + 1;
            var high = (r + 1) * Region.IdStride;
            IEnumerable<long> keys =
            [
                .. set.Geographies.Select(g => g.GeographyId),
                .. set.DistributionCenters.SelectMany(d => new[] { d.DcId, d.GeographyId }),
                .. set.Stores.SelectMany(s => new[] { s.StoreId, s.GeographyId, s.NearestDcId }.Concat(s.NeighborStoreIds)),
                .. set.Trucks.Select(t => t.TruckId),
                .. set.Trucks.Where(t => t.DcId is not null).Select(t => t.DcId!.Value),
                .. set.Customers.SelectMany(c => new[] { c.CustomerId, c.GeographyId, c.PrimaryStoreId }),
                .. set.Customers.Where(c => c.SecondaryStoreId is not null).Select(c => c.SecondaryStoreId!.Value),
                .. set.Fleet.Routes.SelectMany(x => x.StoreIds.Append(x.DcId)),
                .. set.Fleet.PoolStartDcIds,
            ];
            Assert.All(keys, id => Assert.InRange(id, low, high - 1));

            // Local ids are 1…N, contiguous, above the region's base.
            Assert.Equal(Enumerable.Range(1, set.Stores.Count).Select(i => low - 1 + i), set.Stores.Select(s => s.StoreId));
            Assert.Equal(Enumerable.Range(1, set.Customers.Count).Select(i => low - 1 + i), set.Customers.Select(c => c.CustomerId));
            Assert.Equal(new Region(r, 3), set.Region);
            Assert.All(set.Stores, s => Assert.Equal(Identifiers.StoreNumber(s.StoreId), s.StoreNumber));
            Assert.All(set.Stores, s => Assert.StartsWith($"R{s.NearestDcId:000}-", s.RouteId, StringComparison.Ordinal));
        }

        Assert.All(regions, set => Assert.Equal(
            string.Join('\n', regions[0].Products.Select(p => p.ToString())), string.Join('\n', set.Products.Select(p => p.ToString()))));

        // Every id-derived string stays unique across regions (scale-out §2).
        Assert.Equal(regions.Sum(s => s.Customers.Count), regions.SelectMany(s => s.Customers).Select(c => c.BleId).Distinct().Count());
        Assert.Equal(regions.Sum(s => s.Customers.Count), regions.SelectMany(s => s.Customers).Select(c => c.AdId).Distinct().Count());
        Assert.Equal(regions.Sum(s => s.Customers.Count), regions.SelectMany(s => s.Customers).Select(c => c.LoyaltyCard).Distinct().Count());
        Assert.Equal(regions.Sum(s => s.Trucks.Count), regions.SelectMany(s => s.Trucks).Select(t => t.LicensePlate).Distinct().Count());
        Assert.Equal(regions.Sum(s => s.Stores.Count), regions.SelectMany(s => s.Stores).Select(x => x.RouteId + x.RouteStopSeq).Distinct().Count());
    }

    [Fact]
    public void Hubs_of_different_regions_are_400_mi_apart_and_no_geography_lies_near_an_earlier_regions_hub()
    {
        var regions = s_threeRegions.Value;
        var hubs = regions.Select(set => set.DistributionCenters.ToList()).ToList();
        for (var r = 0; r < regions.Length; r++)
        {
            Assert.Equal(2, hubs[r].Count);
            foreach (var earlier in hubs.Take(r).SelectMany(h => h))
            {
                Assert.All(hubs[r], hub => Assert.True(
                    Haversine.Miles(hub.Latitude, hub.Longitude, earlier.Latitude, earlier.Longitude) >= 400, $"{hub.DcNumber} and {earlier.DcNumber}"));
                Assert.All(regions[r].Geographies, g => Assert.True(
                    Haversine.Miles(g.Latitude, g.Longitude, earlier.Latitude, earlier.Longitude) > ReferenceDictionaries.ClusterRadiusMiles,
                    $"{g.City}, {g.State} of region {r} lies within 250 mi of {earlier.DcNumber}"));
            }
        }

        // Disjoint geographies: no dictionary row (city, zip) appears in two regions.
        var rows = regions.SelectMany(set => set.Geographies.Select(g => (g.City, g.State, g.ZipCode))).ToList();
        Assert.Equal(rows.Count, rows.Distinct().Count());
    }

    [Fact]
    public void More_hubs_than_the_400_mi_pass_places_are_refused_with_one_line_naming_both_numbers()
    {
        var placeable = HubSelector.SelectSeparated(s_d, 1_000, new RandomHierarchy(42).Stream(RandomComponents.DistributionCenters)).Count;
        var fits = Options(regions: 1);
        fits.DistributionCenters = placeable;
        RegionHubs.EnsurePlaceable(fits, s_d); // R × D = n: placeable

        var options = Options(regions: 2);
        options.DistributionCenters = (placeable / 2) + 1;
        var wanted = 2 * options.DistributionCenters;

        var refused = Assert.Throws<RefusedException>(() => RegionHubs.EnsurePlaceable(options, s_d));
        Assert.Equal(RefusalReason.TooManyHubs, refused.Reason);
        Assert.Equal(
            $"Regions × DistributionCenters = {wanted} exceeds the {placeable} hubs the geography dictionary places ≥ 400 mi apart with this seed; lower Regions or DistributionCenters",
            refused.Message);
        Assert.DoesNotContain('\n', refused.Message);

        var generating = Assert.Throws<RefusedException>(() => DimensionGenerator.Generate(options, s_d, new Region(0, 2)));
        Assert.Equal(refused.Message, generating.Message);
    }

    [Fact]
    public void One_region_keeps_the_closer_passes_so_it_is_never_refused_for_hubs()
    {
        var placeable = HubSelector.SelectSeparated(s_d, 1_000, new RandomHierarchy(42).Stream(RandomComponents.DistributionCenters)).Count;
        var options = Options();
        options.DistributionCenters = placeable + 1;
        options.Stores = placeable + 1;
        options.Geographies = 100;

        RegionHubs.EnsurePlaceable(options, s_d);
        Assert.Equal(placeable + 1, DimensionGenerator.Generate(options, s_d).DistributionCenters.Count);
    }
}
