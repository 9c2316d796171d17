using RetailSynth.Domain;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Foundation.Geo;
using RetailSynth.Reference;

namespace RetailSynth.Core.Tests.Reference;

public class ReferenceDictionariesTests
{
    private static readonly ReferenceDictionaries s_d = ReferenceDictionaries.LoadEmbedded();

    [Fact]
    public void Geographies_meet_the_documented_coverage()
    {
        Assert.True(s_d.Geographies.Count >= 600);
        Assert.True(s_d.Geographies.Select(g => g.State).Distinct().Count() >= 40);
        Assert.Equal(s_d.Geographies.Count, s_d.Geographies.Select(g => (g.City, g.State)).Distinct().Count());
        Assert.Equal(Regions.All.OrderBy(r => r), s_d.Geographies.Select(g => g.Region).Distinct().OrderBy(r => r));
        var districts = s_d.Geographies.Select(g => g.District).Distinct().ToList();
        Assert.True(districts.Count >= 100);
        Assert.Contains(districts, d => d.Contains("Metro", StringComparison.Ordinal));
        Assert.Equal(s_d.Geographies.Count, s_d.Geographies.Select(g => g.ZipCode).Distinct().Count());
        Assert.All(s_d.Geographies, g => Assert.Matches("^[0-9]{5}$", g.ZipCode));
    }

    [Fact]
    public void Every_geography_is_in_a_contiguous_state_with_a_time_zone_in_the_embedded_tzdb()
    {
        Assert.All(s_d.Geographies, g => Assert.NotNull(TimeZones.Resolve(TimeZones.ForState(g.State))));
    }

    [Fact]
    public void Every_state_used_by_geographies_has_a_tax_rate_between_0_and_20_percent()
    {
        var taxed = s_d.TaxRates.Select(t => t.State).ToHashSet();
        Assert.All(s_d.Geographies, g => Assert.Contains(g.State, taxed));
        Assert.All(s_d.TaxRates, t => Assert.InRange(t.RateE5, 0, 20_000));
    }

    [Fact]
    public void Tax_lookup_prefers_the_city_then_the_state_mean_then_the_fallback()
    {
        var lookup = new TaxRateLookup([new("TX", null, 8_000), new("TX", "Austin", 8_250), new("TX", "Dallas", 8_251)]);
        Assert.Equal(8_250, lookup.RateE5("TX", "Austin"));
        Assert.Equal(8_167, lookup.RateE5("TX", "Elsewhere")); // (8000 + 8250 + 8251) / 3 = 8167
        Assert.Equal(TaxRateLookup.FallbackRateE5, lookup.RateE5("ZZ", "Nowhere"));
    }

    [Fact]
    public void Products_brands_and_names_meet_the_documented_sizes()
    {
        Assert.True(s_d.BaseProducts.Count >= 760);
        Assert.True(s_d.Brands.Count >= 600);
        Assert.InRange(s_d.Brands.Select(b => b.Company).Distinct().Count(), 60, 90);
        Assert.True(s_d.FirstNames.Count >= 300);
        Assert.True(s_d.LastNames.Count >= 350);
        Assert.True(s_d.StreetNames.Count >= 40);
        Assert.Equal(["St", "Ave", "Blvd", "Dr", "Ln", "Rd", "Way", "Ct", "Pl", "Pkwy"], s_d.StreetTypes);
        Assert.All(s_d.BaseProducts, p => Assert.InRange(p.BasePriceCents, 129, 29_999));
        Assert.True(s_d.Limits.ProductPairs >= 10_000);
    }

    [Fact]
    public void Every_department_has_at_least_its_minimum_of_base_products()
    {
        var byDepartment = s_d.BaseProducts.GroupBy(p => s_d.CategoriesByName[p.Category].Department).ToDictionary(g => g.Key, g => g.Count());
        var minimums = new Dictionary<string, int>
        {
            ["Grocery"] = 525,
            ["Health & Beauty"] = 48,
            ["Home & Garden"] = 39,
            ["Clothing"] = 34,
            ["Electronics"] = 20,
            ["Pet Supplies"] = 20,
            ["Baby & Kids"] = 15,
            ["Seasonal"] = 15,
            ["Sports & Recreation"] = 13,
            ["Office Supplies"] = 13,
            ["Automotive"] = 13,
        };
        Assert.Equal(minimums.Keys.Order(), byDepartment.Keys.Order());
        Assert.All(minimums, m => Assert.True(byDepartment[m.Key] >= m.Value, $"{m.Key}: {byDepartment[m.Key]} < {m.Value}"));
        Assert.True(s_d.BaseProducts.Count >= 760);
        Assert.Equal(s_d.BaseProducts.Count, s_d.BaseProducts.Select(p => p.ProductName).Distinct().Count());
    }

    [Fact]
    public void Every_brand_family_has_at_least_25_brands_and_brand_names_are_unique()
    {
        var families = s_d.Brands.GroupBy(b => b.BrandCategory).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(BrandFamilies.All.Order(), families.Keys.Order());
        Assert.All(families, f => Assert.True(f.Value >= 25, $"{f.Key}: {f.Value}"));
        Assert.Equal(s_d.Brands.Count, s_d.Brands.Select(b => b.Brand).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Categories_carry_the_brand_family_and_line_weight_of_the_spec()
    {
        var household = new[] { "Cleaning Supplies", "Laundry", "Paper Goods", "Trash Bags & Food Storage" };
        Assert.All(s_d.Categories, c =>
        {
            var expected = c.Category switch
            {
                _ when household.Contains(c.Category) => "HOUSEHOLD",
                "Baby Food" => "FOOD",
                "Medicine" or "Vitamins & Supplements" => "HEALTH",
                "Hair Care" or "Oral Care" or "Skin Care" => "BEAUTY",
                "Baby Care" or "Diapers & Wipes" => "BABY",
                "Toys" => "TOYS",
                _ => c.Department switch
                {
                    "Grocery" => "FOOD",
                    "Pet Supplies" => "PET",
                    "Home & Garden" => "HOME",
                    "Sports & Recreation" => "SPORTS",
                    "Office Supplies" => "OFFICE",
                    _ => c.Department.ToUpperInvariant(),
                },
            };
            Assert.Equal(expected, c.BrandCategory);
            Assert.True(c.LineWeight > 0);
        });
        Assert.Equal(3, s_d.CategoriesByName["Produce"].LineWeight);
        Assert.Equal(1.5, s_d.CategoriesByName["Paper Goods"].LineWeight);
        Assert.Equal(1, s_d.CategoriesByName["Candy"].LineWeight);
        Assert.Equal("FOOD", s_d.CategoriesByName["Baby Food"].MerchGroup);
        Assert.Equal("OTHER", s_d.CategoriesByName["Toys"].MerchGroup);
    }

    [Fact]
    public void A_brand_with_a_reserved_word_belongs_to_that_family_only()
    {
        var violations = s_d.Brands
            .SelectMany(b => BrandFamilies.ReservedFamiliesOf(b.Brand).Where(f => f != b.BrandCategory).Select(f => $"{b.Brand} ({b.BrandCategory}) uses a {f} word"))
            .ToList();
        Assert.Empty(violations);
        Assert.Equal(["FOOD"], BrandFamilies.ReservedFamiliesOf("Hollow Creamery"));
        Assert.Empty(BrandFamilies.ReservedFamiliesOf("Farmington Goods")); // whole words only
        Assert.Equal(["HEALTH"], BrandFamilies.ReservedFamiliesOf("north rx"));
    }

    [Fact]
    public void Season_profiles_follow_the_spec_and_every_seasonal_base_product_has_one()
    {
        Assert.All(s_d.BaseProducts, p =>
        {
            var category = s_d.CategoriesByName[p.Category];
            var expected = p.Category switch
            {
                "Gift Wrap" => "WINTER_HOLIDAY",
                _ when p.Subcategory == "Christmas Decor" => "WINTER_HOLIDAY",
                _ when p.Subcategory == "Fall Decor" => "FALL_HARVEST",
                "Patio & Grilling" or "Outdoor Games" or "Camping" => "SUMMER",
                "Paper & Notebooks" or "Writing Instruments" => "BACK_TO_SCHOOL",
                "Outerwear" => "WINTER",
                "Garden" => "SPRING_GARDEN",
                _ => "NONE",
            };
            Assert.Equal(expected, p.SeasonProfile);
            Assert.Contains(p.SeasonProfile, SeasonProfiles.All);
            if (category.Department == "Seasonal")
            {
                Assert.NotEqual("NONE", p.SeasonProfile);
            }
        });
    }

    [Fact]
    public void Each_department_has_1_2_times_its_quota_in_pairs_at_10000_products()
    {
        var pairs = ProductCatalog.PairsByDepartment(s_d);
        var quotas = Departments.Quotas(10_000);
        for (var k = 0; k < Departments.All.Count; k++)
        {
            Assert.True(pairs[k].Length >= 1.2 * quotas[k], $"{Departments.All[k].Name}: {pairs[k].Length} pairs for a quota of {quotas[k]}");
        }
    }

    [Fact]
    public void At_least_40_geography_rows_are_hub_eligible()
    {
        Assert.True(s_d.HubEligible.Count >= 40, $"{s_d.HubEligible.Count}");
        Assert.All(s_d.HubEligible, i => Assert.True(s_d.Geographies[i].IsDense));
        Assert.Equal(s_d.HubEligible.Count, s_d.Limits.HubEligibleRows);
    }

    [Fact]
    public void Dictionary_hash_is_stable_and_lower_case_hex()
    {
        Assert.Matches("^[0-9a-f]{64}$", s_d.Sha256);
        Assert.Equal(s_d.Sha256, ReferenceDictionaries.LoadEmbedded().Sha256);
    }
}
