using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>dim_products (data-model §6.6): (base product, brand) pairs, priced, taxed, launched and ranked.</summary>
internal static class ProductCatalog
{
    private const int PricingTries = 5;

    internal static List<Product> Generate(int count, DateOnly startDate, ReferenceDictionaries d, RandomHierarchy random)
    {
        var stream = random.Stream(RandomComponents.Products);
        var brandsByCategory = d.Brands.GroupBy(b => b.BrandCategory).ToDictionary(g => g.Key, g => g.ToList());
        var pairs = new List<(int BaseIndex, int BrandIndex)>();
        var brandIndex = d.Brands.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i);
        for (var i = 0; i < d.BaseProducts.Count; i++)
        {
            var category = ReferenceDictionaries.BrandCategoryOf(d.CategoriesByName[d.BaseProducts[i].Category].Department);
            foreach (var brand in brandsByCategory.GetValueOrDefault(category) ?? [])
            {
                pairs.Add((i, brandIndex[brand]));
            }
        }

        var sampled = pairs.ToArray();
        stream.PartialShuffle(sampled, count);

        var products = new List<Product>(count);
        var sixtyPercent = (int)(count * 0.6);
        var ninetyPercent = (int)(count * 0.9);
        for (var i = 0; i < count; i++)
        {
            var baseProduct = d.BaseProducts[sampled[i].BaseIndex];
            var brand = d.Brands[sampled[i].BrandIndex];
            var category = d.CategoriesByName[baseProduct.Category];
            var (cost, msrp, sale) = Price(stream, baseProduct.BasePriceCents);
            var taxability = category.Taxability == Taxabilities.Taxable && stream.Bernoulli(0.10)
                ? Taxabilities.ReducedRate
                : category.Taxability;
            var launch = i < sixtyPercent ? startDate.AddDays(-stream.UniformInt(180, 730))
                : i < ninetyPercent ? startDate.AddDays(stream.UniformInt(0, 180))
                : startDate.AddDays(stream.UniformInt(180, 365));
            var refrigerated = category.Refrigerated
                || (category.Category == "Medicine" && baseProduct.Subcategory.Contains("Refrigerated", StringComparison.Ordinal));
            products.Add(new Product(
                i + 1, $"{brand.Brand} {baseProduct.ProductName}", brand.Brand, brand.Company, category.Department,
                category.Category, baseProduct.Subcategory, category.MerchGroup, cost, msrp, sale, refrigerated,
                taxability, launch, 0.0, baseProduct.Tags));
        }

        // Popularity: a seeded permutation of ranks within each merch group, weight = r^−0.6.
        foreach (var group in MerchGroups.All)
        {
            var members = products.Where(p => p.MerchGroup == group).Select(p => (int)p.ProductId - 1).ToArray();
            var ranks = Enumerable.Range(1, members.Length).ToArray();
            stream.PartialShuffle(ranks, ranks.Length);
            for (var k = 0; k < members.Length; k++)
            {
                products[members[k]] = products[members[k]] with { PopularityWeight = Math.Pow(ranks[k], -0.6) };
            }
        }

        return products;
    }

    /// <summary>Pricing in cents with the invariant 0 &lt; cost &lt; sale_price ≤ msrp (redraw up to 5 times).</summary>
    private static (long Cost, long Msrp, long Sale) Price(RandomStream stream, long basePriceCents)
    {
        long cost = 0, msrp = 0, sale = 0;
        for (var attempt = 0; attempt < PricingTries; attempt++)
        {
            var baseCents = basePriceCents * stream.Uniform(0.85, 1.15);
            msrp = Rounding.ToLong(baseCents * (1 + stream.Uniform(-0.15, 0.15)));
            sale = stream.Bernoulli(0.60) ? msrp : Rounding.ToLong(msrp * (1 - stream.Uniform(0.05, 0.35)));
            cost = Math.Min(Rounding.ToLong(sale * stream.Uniform(0.50, 0.85)), sale - 1);
            if (cost > 0 && cost < sale && sale <= msrp)
            {
                return (cost, msrp, sale);
            }
        }

        return (sale - 1, msrp, sale);
    }
}
