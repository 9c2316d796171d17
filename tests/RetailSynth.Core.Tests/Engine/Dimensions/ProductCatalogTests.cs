using RetailSynth.Domain;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Randomness;
using RetailSynth.Reference;

namespace RetailSynth.Core.Tests.Engine.Dimensions;

/// <summary>dim_products of data-model §6.6 (R6, R15, R16).</summary>
public class ProductCatalogTests
{
    private static readonly ReferenceDictionaries s_d = ReferenceDictionaries.LoadEmbedded();
    private static readonly Lazy<IReadOnlyList<Product>> s_small = new(() => Generate(2_000));

    private static IReadOnlyList<Product> Generate(int count) =>
        ProductCatalog.Generate(count, new DateOnly(2024, 1, 1), s_d, new RandomHierarchy(42));

    [Fact]
    public void Department_quotas_are_the_largest_remainder_of_the_sku_shares()
    {
        Assert.Equal([5_500, 1_000, 800, 700, 400, 400, 300, 300, 250, 200, 150], Departments.Quotas(10_000));
        Assert.Equal([1_100, 200, 160, 140, 80, 80, 60, 60, 50, 40, 30], Departments.Quotas(2_000));
        var quotas = Departments.Quotas(37);
        Assert.Equal(37, quotas.Sum());
        var products = s_small.Value;
        for (var k = 0; k < Departments.All.Count; k++)
        {
            Assert.Equal(Departments.Quotas(2_000)[k], products.Count(p => p.Department == Departments.All[k].Name));
        }
    }

    [Fact]
    public void Every_product_pairs_a_base_product_with_a_brand_of_its_category_family()
    {
        var family = s_d.Brands.ToDictionary(b => b.Brand, b => b.BrandCategory);
        Assert.All(s_small.Value, p => Assert.Equal(s_d.CategoriesByName[p.Category].BrandCategory, family[p.Brand]));
        Assert.Equal(2_000, s_small.Value.Select(p => p.ProductName).Distinct().Count());
    }

    [Fact]
    public void No_food_word_brand_sits_outside_food_and_no_health_word_brand_on_toys_or_food()
    {
        var products = Generate(10_000);
        var foodCategories = s_d.Categories.Where(c => c.BrandCategory == "FOOD").Select(c => c.Category).ToHashSet();
        var foodWordOutsideFood = products.Count(p => BrandFamilies.ReservedFamiliesOf(p.Brand).Contains("FOOD") && !foodCategories.Contains(p.Category));
        var healthWordOnToysOrFood = products.Count(p => BrandFamilies.ReservedFamiliesOf(p.Brand).Contains("HEALTH")
            && (p.Category == "Toys" || foodCategories.Contains(p.Category)));
        Assert.Equal(0, foodWordOutsideFood);
        Assert.Equal(0, healthWordOnToysOrFood);
        Assert.Contains(products, p => BrandFamilies.ReservedFamiliesOf(p.Brand).Contains("FOOD")); // the rule had something to judge
    }

    [Fact]
    public void Demand_weights_sum_to_one_in_every_department_and_split_by_category_line_weight()
    {
        var products = s_small.Value;
        foreach (var department in products.GroupBy(p => p.Department))
        {
            Assert.Equal(1.0, department.Sum(p => p.DemandWeight), 9);
            var lineWeights = department.Select(p => p.Category).Distinct().Sum(c => s_d.CategoriesByName[c].LineWeight);
            foreach (var category in department.GroupBy(p => p.Category))
            {
                Assert.Equal(s_d.CategoriesByName[category.Key].LineWeight / lineWeights, category.Sum(p => p.DemandWeight), 9);
            }
        }

        Assert.All(products, p => Assert.True(p.DemandWeight > 0));
    }

    [Fact]
    public void Within_a_category_demand_weight_follows_popularity_and_falls_with_price()
    {
        var produce = s_small.Value.Where(p => p.Category == "Produce").ToList();
        var sorted = produce.Select(p => p.SalePriceCents).Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
        var v = produce.Select(p => p.PopularityWeight * Math.Pow(p.SalePriceCents / median, -1.1)).ToList();
        var share = s_d.CategoriesByName["Produce"].LineWeight
            / s_small.Value.Where(p => p.Department == "Grocery").Select(p => p.Category).Distinct().Sum(c => s_d.CategoriesByName[c].LineWeight);
        for (var i = 0; i < produce.Count; i++)
        {
            Assert.Equal(share * v[i] / v.Sum(), produce[i].DemandWeight, 12);
        }
    }

    [Fact]
    public void Popularity_ranks_each_category_with_r_to_the_minus_0_7()
    {
        foreach (var category in s_small.Value.GroupBy(p => p.Category))
        {
            var expected = Enumerable.Range(1, category.Count()).Select(r => Math.Pow(r, -0.7)).Order();
            Assert.Equal(expected, category.Select(p => p.PopularityWeight).Order());
        }
    }

    [Theory]
    [InlineData(249, 24)]
    [InlineData(250, 12)]
    [InlineData(599, 12)]
    [InlineData(600, 6)]
    [InlineData(1_499, 6)]
    [InlineData(1_500, 4)]
    [InlineData(4_999, 4)]
    [InlineData(5_000, 1)]
    public void Case_pack_follows_the_sale_price(long cents, int casePack)
    {
        Assert.Equal(casePack, ProductCatalog.CasePack(cents));
    }

    [Fact]
    public void Products_carry_case_packs_and_the_season_profile_of_their_base_product()
    {
        var seasonOf = s_d.BaseProducts.ToDictionary(b => b.ProductName, b => b.SeasonProfile);
        Assert.All(s_small.Value, p =>
        {
            Assert.Equal(ProductCatalog.CasePack(p.SalePriceCents), p.CasePack);
            Assert.Equal(seasonOf[p.ProductName[(p.Brand.Length + 1)..]], p.SeasonProfile);
        });
        Assert.Contains(s_small.Value, p => p.SeasonProfile == "WINTER_HOLIDAY");
        Assert.All(s_small.Value.Where(p => p.Department == "Seasonal"), p => Assert.NotEqual("NONE", p.SeasonProfile));
    }
}
