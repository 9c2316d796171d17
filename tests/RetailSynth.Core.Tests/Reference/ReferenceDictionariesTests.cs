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
        Assert.True(s_d.Geographies.Count >= 500);
        Assert.True(s_d.Geographies.Select(g => g.State).Distinct().Count() >= 25);
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
        Assert.True(s_d.BaseProducts.Count >= 600);
        Assert.True(s_d.Brands.Count >= 600);
        Assert.InRange(s_d.Brands.Select(b => b.Company).Distinct().Count(), 60, 80);
        Assert.True(s_d.FirstNames.Count >= 300);
        Assert.True(s_d.LastNames.Count >= 350);
        Assert.True(s_d.StreetNames.Count >= 40);
        Assert.Equal(["St", "Ave", "Blvd", "Dr", "Ln", "Rd", "Way", "Ct", "Pl", "Pkwy"], s_d.StreetTypes);
        Assert.All(s_d.BaseProducts, p => Assert.InRange(p.BasePriceCents, 129, 29_999));
        Assert.True(s_d.Limits.ProductPairs >= 10_000);
    }

    [Fact]
    public void Grocery_holds_about_80_percent_of_base_products_and_every_department_has_brands()
    {
        var byDepartment = s_d.BaseProducts.GroupBy(p => s_d.CategoriesByName[p.Category].Department).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(11, byDepartment.Count);
        Assert.InRange(byDepartment["Grocery"] / (double)s_d.BaseProducts.Count, 0.75, 0.85);
        Assert.All(byDepartment.Where(d => d.Key != "Grocery"), d => Assert.InRange(d.Value, 10, 25));
        var brandCategories = s_d.Brands.Select(b => b.BrandCategory).ToHashSet();
        Assert.All(byDepartment.Keys, d => Assert.Contains(ReferenceDictionaries.BrandCategoryOf(d), brandCategories));
    }

    [Fact]
    public void Dictionary_hash_is_stable_and_lower_case_hex()
    {
        Assert.Matches("^[0-9a-f]{64}$", s_d.Sha256);
        Assert.Equal(s_d.Sha256, ReferenceDictionaries.LoadEmbedded().Sha256);
    }
}
