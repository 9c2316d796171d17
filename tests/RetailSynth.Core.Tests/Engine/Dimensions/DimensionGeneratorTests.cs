using RetailSynth.Domain;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Geo;
using RetailSynth.Reference;

namespace RetailSynth.Core.Tests.Engine.Dimensions;

public class DimensionGeneratorTests
{
    private static readonly ReferenceDictionaries s_d = ReferenceDictionaries.LoadEmbedded();

    private static SimulationOptions Small(long seed = 42)
    {
        var options = SimulationProfiles.Create("small")!;
        options.Seed = seed;
        return options;
    }

    private static string Fingerprint(DimensionSet set) => string.Join('\n',
        set.Geographies.Select(x => x.ToString())
            .Concat(set.DistributionCenters.Select(x => $"{x} {string.Join(' ', x.RoadMilesToDcs)}"))
            .Concat(set.Stores.Select(x => $"{x} {string.Join(' ', x.NeighborStoreIds)}"))
            .Concat(set.Trucks.Select(x => x.ToString()))
            .Concat(set.Customers.Select(x => x.ToString()))
            .Concat(set.Products.Select(x => x.ToString())));

    [Fact]
    public void Same_seed_gives_identical_dimensions_and_another_seed_different_ones()
    {
        var first = Fingerprint(DimensionGenerator.Generate(Small(), s_d));
        Assert.Equal(first, Fingerprint(DimensionGenerator.Generate(Small(), s_d)));
        Assert.NotEqual(first, Fingerprint(DimensionGenerator.Generate(Small(seed: 43), s_d)));
    }

    [Fact]
    public void Counts_equal_the_configured_numbers_and_ids_are_contiguous()
    {
        var o = Small();
        var set = DimensionGenerator.Generate(o, s_d);
        Assert.Equal(o.Geographies, set.Geographies.Count);
        Assert.Equal(o.DistributionCenters, set.DistributionCenters.Count);
        Assert.Equal(o.Stores, set.Stores.Count);
        Assert.Equal(
            set.Fleet.PerDc.Sum(dc => dc.Trucks) + set.Fleet.PoolTrucks + o.SupplierRefrigeratedTrucks + o.SupplierDryTrucks, set.Trucks.Count);
        Assert.Equal(o.Customers, set.Customers.Count);
        Assert.Equal(o.Products, set.Products.Count);
        Assert.Equal(Enumerable.Range(1, o.Customers).Select(i => (long)i), set.Customers.Select(c => c.CustomerId));
        Assert.Equal(Enumerable.Range(1, o.Products).Select(i => (long)i), set.Products.Select(p => p.ProductId));
        Assert.Equal(Enumerable.Range(1, o.Stores).Select(i => (long)i), set.Stores.Select(s => s.StoreId));
    }

    [Fact]
    public void Foreign_keys_resolve_and_every_store_has_a_time_zone_profile_and_nearest_dc()
    {
        var set = DimensionGenerator.Generate(Small(), s_d);
        var geographies = set.Geographies.Select(g => g.GeographyId).ToHashSet();
        var dcs = set.DistributionCenters.Select(d => d.DcId).ToHashSet();
        var stores = set.Stores.Select(s => s.StoreId).ToHashSet();

        Assert.All(set.DistributionCenters, d => Assert.Contains(d.GeographyId, geographies));
        Assert.All(set.Stores, s =>
        {
            Assert.Contains(s.GeographyId, geographies);
            Assert.Contains(s.NearestDcId, dcs);
            Assert.NotNull(TimeZones.Resolve(s.TimeZone));
            Assert.Contains(s.VolumeClass, VolumeClasses.All);
            Assert.Contains(s.StoreFormat, StoreFormats.All);
            Assert.Contains(s.HoursClass, HoursClasses.All);
            Assert.True(s.OpenMinute < s.CloseMinute);
        });
        Assert.All(set.Trucks.Where(t => t.DcId is not null), t => Assert.Contains(t.DcId!.Value, dcs));
        Assert.All(set.Customers, c =>
        {
            Assert.Contains(c.GeographyId, geographies);
            Assert.Contains(c.PrimaryStoreId, stores);
            if (c.SecondaryStoreId is { } secondary)
            {
                Assert.Contains(secondary, stores);
                Assert.NotEqual(c.PrimaryStoreId, secondary);
            }
        });
        Assert.Equal(1.0, set.Geographies.Sum(g => g.PlacementWeight), 9);
    }

    [Fact]
    public void Product_prices_keep_cost_below_sale_price_at_or_below_msrp_and_names_are_unique()
    {
        var set = DimensionGenerator.Generate(Small(), s_d);
        Assert.All(set.Products, p =>
        {
            Assert.True(p.CostCents > 0, p.ToString());
            Assert.True(p.CostCents < p.SalePriceCents, p.ToString());
            Assert.True(p.SalePriceCents <= p.MsrpCents, p.ToString());
            Assert.Contains(p.Taxability, Taxabilities.All);
            Assert.Contains(p.MerchGroup, MerchGroups.All);
        });
        Assert.Equal(set.Products.Count, set.Products.Select(p => p.ProductName).Distinct().Count());
    }

    [Fact]
    public void Refrigerated_products_are_exactly_the_cold_categories_and_refrigerated_medicine()
    {
        var set = DimensionGenerator.Generate(Small(), s_d);
        Assert.All(set.Products, p => Assert.Equal(
            s_d.CategoriesByName[p.Category].Refrigerated || (p.Category == "Medicine" && p.Subcategory.Contains("Refrigerated", StringComparison.Ordinal)),
            p.RequiresRefrigeration));
        Assert.Contains(set.Products, p => p.RequiresRefrigeration);
    }

    [Fact]
    public void Launch_dates_split_60_30_10_around_the_start_date()
    {
        var o = Small();
        var products = DimensionGenerator.Generate(o, s_d).Products;
        var before = products.Take(1_200).All(p => p.LaunchDate <= o.StartDate.AddDays(-180) && p.LaunchDate >= o.StartDate.AddDays(-730));
        var soon = products.Skip(1_200).Take(600).All(p => p.LaunchDate >= o.StartDate && p.LaunchDate <= o.StartDate.AddDays(180));
        var later = products.Skip(1_800).All(p => p.LaunchDate >= o.StartDate.AddDays(180) && p.LaunchDate <= o.StartDate.AddDays(365));
        Assert.True(before && soon && later);
    }

    [Fact]
    public void Trucks_come_in_documented_order_with_unique_plates()
    {
        var o = Small();
        var set = DimensionGenerator.Generate(o, s_d);
        var trucks = set.Trucks;
        var fleetOrder = trucks.Select(t => FleetTypes.All.ToList().IndexOf(t.FleetType)).ToList();
        Assert.Equal(fleetOrder.Order(), fleetOrder);
        Assert.Equal(set.Fleet.PerDc.Sum(d => d.Trucks), trucks.Count(t => t.FleetType == FleetTypes.DcAssigned && t.Refrigerated));
        Assert.Equal(o.SupplierRefrigeratedTrucks, trucks.Count(t => t.FleetType == FleetTypes.Supplier && t.Refrigerated));
        Assert.Equal(trucks.Count, trucks.Select(t => t.LicensePlate).Distinct().Count());
        Assert.All(trucks, t => Assert.Matches("^[A-Z]{3}[0-9]{4}$", t.LicensePlate));
    }

    [Fact]
    public void Large_profile_customers_have_unique_loyalty_ble_and_ad_ids()
    {
        var large = SimulationProfiles.Create("large")!;
        var set = DimensionGenerator.Generate(large, s_d);
        Assert.Equal(403_000, set.Customers.Count);
        Assert.Equal(403_000, set.Customers.Select(c => c.LoyaltyCard).Distinct().Count());
        Assert.Equal(403_000, set.Customers.Select(c => c.BleId).Distinct().Count());
        Assert.Equal(403_000, set.Customers.Select(c => c.AdId).Distinct().Count());
        Assert.Equal(10_000, set.Products.Select(p => p.ProductName).Distinct().Count());
    }

    [Fact]
    public void Largest_remainder_distributes_exactly_with_ties_by_position()
    {
        Assert.Equal([4, 3, 3], LargestRemainder.Distribute(10, [1.0, 1.0, 1.0]));
        Assert.Equal([0, 7], LargestRemainder.Distribute(7, [0.0, 2.0]));
        Assert.Equal(1_000, LargestRemainder.Distribute(1_000, [0.3, 0.2, 0.17, 0.33]).Sum());
    }
}
