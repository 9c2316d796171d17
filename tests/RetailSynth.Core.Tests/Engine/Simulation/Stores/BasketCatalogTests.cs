using RetailSynth.Domain;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Foundation.Randomness;

namespace RetailSynth.Core.Tests.Engine.Simulation.Stores;

/// <summary>The §10.2 basket drawn many times from the real catalog: department mix, SKU spread, quantities and seasons.</summary>
public sealed class BasketCatalogTests
{
    // The `small` catalog size: the ≈ 0.7 % top-SKU bound of §10.2 is stated for it.
    private static readonly Lazy<SimulationWorld> s_world = new(() =>
    {
        var options = SimulationFixture.Options();
        options.Products = 2_000;
        return new SimulationWorld(options, DimensionGenerator.Generate(options, SimulationFixture.Dictionaries), SimulationFixture.Dictionaries);
    });

    private static readonly Lazy<List<Line>> s_year = new(() => DrawYear(s_world.Value));

    [Fact]
    public void A_year_of_baskets_is_about_56_percent_grocery_and_5_percent_electronics_by_revenue()
    {
        var lines = s_year.Value;
        var products = s_world.Value.Products.Rows;
        var revenue = lines.Sum(l => l.Revenue);
        double Share(string department) => lines.Where(l => products[l.Product].Department == department).Sum(l => l.Revenue) / (double)revenue;

        Assert.InRange(Share("Grocery"), 0.50, 0.62);
        Assert.InRange(Share("Electronics"), 0.03, 0.08);
    }

    [Fact]
    public void No_product_takes_more_than_1_percent_of_a_years_revenue_nor_the_top_20_more_than_10()
    {
        // R6 (realism.md): the bands hold on the simulated year of the `small` catalog, not only in expectation.
        var lines = s_year.Value;
        var revenue = (double)lines.Sum(l => l.Revenue);
        var byProduct = lines.GroupBy(l => l.Product).Select(g => g.Sum(l => l.Revenue) / revenue).OrderDescending().ToArray();
        var topLines = lines.GroupBy(l => l.Product).Max(g => g.Count()) / (double)lines.Count;

        Assert.InRange(topLines, 0.001, 0.015);
        Assert.InRange(byProduct[0], 0.001, 0.01);
        Assert.InRange(byProduct.Take(20).Sum(), 0.02, 0.10);
    }

    [Fact]
    public void Holiday_products_sell_at_least_60_percent_of_their_years_units_in_october_to_december()
    {
        // R16 (realism.md); §10.2's WINTER_HOLIDAY profile gives ≈ 94 % before store traffic and stock.
        var holiday = s_year.Value.Where(l => s_world.Value.Products.Rows[l.Product].SeasonProfile == "WINTER_HOLIDAY").ToList();
        var share = holiday.Where(l => l.Date.Month >= 10).Sum(l => l.Quantity) / (double)holiday.Sum(l => l.Quantity);

        Assert.True(holiday.Count > 500, $"{holiday.Count} holiday lines");
        Assert.InRange(share, 0.60, 1.0);
    }

    [Fact]
    public void Cheap_items_sell_in_multiples_and_dear_items_singly()
    {
        Assert.Equal(1.56, QuantityBands.Mean(499), 2);
        Assert.Equal(1.13, QuantityBands.Mean(500), 2);
        Assert.Equal(1.13, QuantityBands.Mean(1_999), 2);
        Assert.Equal(1.03, QuantityBands.Mean(2_000), 2);

        var lines = s_year.Value.Where(l => !l.ExtraUnits).ToList();
        var prices = s_world.Value.Products.SaleCents;
        double MeanQuantity(Func<long, bool> band) => lines.Where(l => band(prices[l.Product])).Average(l => l.Quantity);
        Assert.InRange(MeanQuantity(c => c < 500), 1.50, 1.62);
        Assert.InRange(MeanQuantity(c => c is >= 500 and < 2_000), 1.10, 1.16);
        Assert.InRange(MeanQuantity(c => c >= 2_000), 1.01, 1.05);
    }

    [Fact]
    public void Seasonal_products_sell_in_their_season()
    {
        var world = s_world.Value;
        var catalogs = new BasketCatalog.Cache(world.Products);
        var stream = new RandomHierarchy(7).Stream("test.basket", null, "seasons");
        double ProfileShare(string profile, DateOnly date)
        {
            var catalog = catalogs.For(date);
            var hits = 0;
            const int Draws = 60_000;
            for (var i = 0; i < Draws; i++)
            {
                var product = catalog.Pick(stream, catalog.PickDepartment(stream, BasketRules.FamilyShop), 1);
                hits += product >= 0 && world.Products.Rows[product].SeasonProfile == profile ? 1 : 0;
            }

            return hits / (double)Draws;
        }

        Assert.True(ProfileShare("WINTER_HOLIDAY", new DateOnly(2024, 12, 10)) > 20 * ProfileShare("WINTER_HOLIDAY", new DateOnly(2024, 6, 12)));
        Assert.True(ProfileShare("WINTER_HOLIDAY", new DateOnly(2024, 12, 10)) > 20 * ProfileShare("WINTER_HOLIDAY", new DateOnly(2024, 12, 27)));
        Assert.True(ProfileShare("SPRING_GARDEN", new DateOnly(2024, 4, 17)) > 3 * ProfileShare("SPRING_GARDEN", new DateOnly(2024, 11, 6)));
        Assert.True(ProfileShare("SUMMER", new DateOnly(2024, 6, 19)) > 3 * ProfileShare("SUMMER", new DateOnly(2024, 1, 17)));
    }

    [Fact]
    public void Price_seeking_segments_tilt_toward_cheap_or_dear_items()
    {
        var world = s_world.Value;
        var catalog = new BasketCatalog.Cache(world.Products).For(new DateOnly(2024, 3, 13));
        var stream = new RandomHierarchy(7).Stream("test.basket", null, "tilt");
        double MeanPrice(int segment) => Enumerable.Range(0, 40_000)
            .Select(_ => catalog.Pick(stream, 0, segment)).Where(p => p >= 0).Average(p => (double)world.Products.SaleCents[p]);

        var budget = MeanPrice(0);
        var convenience = MeanPrice(1);
        var quality = MeanPrice(2);
        Assert.True(budget < convenience * 0.97, $"budget {budget:F0} vs {convenience:F0}");
        Assert.True(quality > convenience * 1.03, $"quality {quality:F0} vs {convenience:F0}");
    }

    /// <summary>Baskets as a store draws them (segment mix, trip type, department, product, quantity) on every 3rd day of 2024.</summary>
    private static List<Line> DrawYear(SimulationWorld world)
    {
        var catalogs = new BasketCatalog.Cache(world.Products);
        var stream = new RandomHierarchy(11).Stream("test.basket", null, "year");
        var lines = new List<Line>();
        for (var date = new DateOnly(2024, 1, 2); date.Year == 2024; date = date.AddDays(3))
        {
            var catalog = catalogs.For(date);
            for (var basket = 0; basket < 250; basket++)
            {
                var segment = stream.Categorical(ShopperSegments.Weights);
                var trip = stream.Categorical(BasketRules.TripWeights(segment));
                var (min, max) = BasketRules.LineCount(trip);
                var count = stream.UniformInt(min, max);
                for (var i = 0; i < count; i++)
                {
                    var product = catalog.Pick(stream, catalog.PickDepartment(stream, trip), segment);
                    if (product < 0)
                    {
                        continue;
                    }

                    var quantity = 1 + stream.Categorical(QuantityBands.Weights(world.Products.SaleCents[product]));
                    var extra = catalog.GetsExtraUnits(product);
                    quantity += extra ? stream.UniformInt(0, 2) : 0;
                    lines.Add(new Line(product, quantity, quantity * world.Products.SaleCents[product], extra, date));
                }
            }
        }

        return lines;
    }

    private sealed record Line(int Product, int Quantity, long Revenue, bool ExtraUnits, DateOnly Date);
}
