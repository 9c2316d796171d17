using RetailSynth.Domain;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Foundation.Randomness;
using RetailSynth.Reference;

namespace RetailSynth.Core.Tests.Engine.Dimensions;

/// <summary>
/// R6 on the generated catalog (realism.md): over a year every season profile averages 1, so a product's expected
/// revenue is ∝ s̄_d × ŵ_p × sale_price × q̄_p (data-model §10.2); the bands must hold for that expectation.
/// </summary>
public class AssortmentConcentrationTests
{
    private static readonly ReferenceDictionaries s_d = ReferenceDictionaries.LoadEmbedded();

    [Theory]
    [InlineData(2_000)]
    [InlineData(10_000)]
    public void No_sku_is_expected_to_take_more_than_1_percent_of_a_year_of_revenue(int count)
    {
        var revenue = ExpectedRevenueShares(Generate(count));
        var top = revenue.Values.OrderDescending().ToArray();
        Assert.True(top[0] <= 0.01, $"top SKU {top[0]:P2}");
        Assert.True(top.Take(20).Sum() <= 0.10, $"top 20 {top.Take(20).Sum():P2}");
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(10_000)]
    public void Grocery_takes_45_to_65_percent_of_expected_revenue_and_electronics_at_most_10(int count)
    {
        var products = Generate(count);
        var revenue = ExpectedRevenueShares(products);
        double ShareOf(string department) => products.Where(p => p.Department == department).Sum(p => revenue[p.ProductId]);
        Assert.InRange(ShareOf("Grocery"), 0.45, 0.65);
        Assert.InRange(ShareOf("Electronics"), 0.0, 0.10);
    }

    [Fact]
    public void Each_category_holds_skus_in_proportion_to_its_base_products_whatever_its_brand_family_size()
    {
        var products = Generate(2_000);
        var baseProducts = s_d.BaseProducts.GroupBy(b => b.Category).ToDictionary(g => g.Key, g => g.Count());
        foreach (var department in products.GroupBy(p => p.Department))
        {
            var departmentBase = department.Select(p => p.Category).Distinct().Sum(c => baseProducts[c]);
            foreach (var category in department.GroupBy(p => p.Category))
            {
                var expected = (double)department.Count() * baseProducts[category.Key] / departmentBase;
                Assert.InRange(category.Count(), Math.Floor(expected), Math.Ceiling(expected));
            }
        }
    }

    [Fact]
    public void A_category_full_of_pairs_passes_its_excess_to_the_others()
    {
        (int, int)[] Pairs(int baseProducts, int brands) =>
            [.. Enumerable.Range(0, baseProducts).SelectMany(b => Enumerable.Range(0, brands).Select(r => (b, r)))];

        var quotas = ProductCatalog.CategoryQuotas(30, [Pairs(2, 3), Pairs(2, 30)]);

        Assert.Equal([6, 24], quotas);
    }

    private static IReadOnlyList<Product> Generate(int count) =>
        ProductCatalog.Generate(count, new DateOnly(2024, 1, 1), s_d, new RandomHierarchy(42));

    private static Dictionary<long, double> ExpectedRevenueShares(IReadOnlyList<Product> products)
    {
        var revenue = products.ToDictionary(
            p => p.ProductId,
            p => DepartmentShares.PlanningShare(DepartmentShares.IndexOf(p.Department)) * p.DemandWeight
                * p.SalePriceCents * QuantityBands.Mean(p.SalePriceCents));
        var total = revenue.Values.Sum();
        return revenue.ToDictionary(r => r.Key, r => r.Value / total);
    }
}
