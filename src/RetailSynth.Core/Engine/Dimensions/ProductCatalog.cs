using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>
/// dim_products (data-model §6.6): department quotas filled with (base product, brand) pairs of the category's brand
/// family, shuffled into ids, then priced, taxed, launched, ranked by popularity within category and weighted.
/// </summary>
internal static class ProductCatalog
{
    private const int PricingTries = 5;
    private const double PopularityExponent = -0.7;
    private const double PriceElasticity = -1.1;

    internal static List<Product> Generate(int count, DateOnly startDate, ReferenceDictionaries d, RandomHierarchy random)
    {
        var stream = random.Stream(RandomComponents.Products);
        var sampled = SamplePairs(count, d, stream);
        stream.PartialShuffle(sampled, sampled.Length);

        var products = new List<Product>(count);
        var sixtyPercent = (int)(count * 0.6);
        var ninetyPercent = (int)(count * 0.9);
        for (var i = 0; i < sampled.Length; i++)
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
                taxability, launch, 0.0, 0.0, CasePack(sale), baseProduct.SeasonProfile, baseProduct.Tags));
        }

        AssignPopularity(products, d, stream);
        AssignDemandWeights(products, d);
        return products;
    }

    /// <summary>Units per case by sale price: &lt; $2.50 → 24; &lt; $6 → 12; &lt; $15 → 6; &lt; $50 → 4; else 1.</summary>
    public static int CasePack(long salePriceCents) => salePriceCents switch
    {
        < 250 => 24,
        < 600 => 12,
        < 1_500 => 6,
        < 5_000 => 4,
        _ => 1,
    };

    /// <summary>
    /// The (base product, brand) pairs of each department whose brand family is the category's, in dictionary order,
    /// each department's quota split over its categories by base products (<see cref="CategoryQuotas"/>) and sampled
    /// without replacement within each category; a department short of pairs gives the shortfall to Grocery.
    /// </summary>
    public static (int BaseIndex, int BrandIndex)[] SamplePairs(int count, ReferenceDictionaries d, RandomStream stream)
    {
        var pairsByDepartment = PairsByDepartment(d);
        var quotas = Departments.Quotas(count);
        var grocery = 0;
        for (var k = 1; k < quotas.Length; k++)
        {
            var available = pairsByDepartment[k].Length;
            if (quotas[k] > available)
            {
                quotas[grocery] += quotas[k] - available;
                quotas[k] = available;
            }
        }

        if (quotas[grocery] > pairsByDepartment[grocery].Length)
        {
            throw new InvalidOperationException(
                $"The dictionaries hold {pairsByDepartment[grocery].Length} Grocery pairs, fewer than the {quotas[grocery]} products Grocery must take.");
        }

        var sampled = new List<(int, int)>(count);
        for (var k = 0; k < quotas.Length; k++)
        {
            var byCategory = pairsByDepartment[k]
                .GroupBy(pair => d.BaseProducts[pair.BaseIndex].Category, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
            var categories = d.Categories.Where(c => byCategory.ContainsKey(c.Category)).Select(c => byCategory[c.Category]).ToArray();
            var categoryQuotas = CategoryQuotas(quotas[k], categories);
            for (var c = 0; c < categories.Length; c++)
            {
                stream.PartialShuffle(categories[c], categoryQuotas[c]);
                sampled.AddRange(categories[c].Take(categoryQuotas[c]));
            }
        }

        return [.. sampled];
    }

    /// <summary>
    /// A department's quota over its categories (dictionary order) in proportion to their base products, by largest
    /// remainder; a category never takes more than its pairs, its excess goes to the others the same way. Sampling
    /// pairs uniformly would follow brand family sizes instead (FOOD has ten times the brands of HOUSEHOLD), leaving
    /// Paper Goods three SKUs in `small` for 3.7 % of Grocery's lines (decisions.md, Assortment concentration (R6)).
    /// </summary>
    public static int[] CategoryQuotas(int quota, IReadOnlyList<(int BaseIndex, int BrandIndex)[]> categoryPairs)
    {
        var baseProducts = categoryPairs.Select(pairs => (double)pairs.Select(p => p.BaseIndex).Distinct().Count()).ToArray();
        var quotas = new int[categoryPairs.Count];
        var left = quota;
        while (left > 0)
        {
            var weights = baseProducts.Select((b, c) => quotas[c] < categoryPairs[c].Length ? b : 0.0).ToList();
            if (weights.Sum() <= 0)
            {
                throw new InvalidOperationException($"The department's categories hold fewer pairs than its quota of {quota}.");
            }

            var extra = LargestRemainder.Distribute(left, weights);
            for (var c = 0; c < quotas.Length; c++)
            {
                var room = categoryPairs[c].Length - quotas[c];
                var taken = Math.Min(extra[c], room);
                quotas[c] += taken;
                left -= taken;
            }
        }

        return quotas;
    }

    /// <summary>Every (base product, brand) pair of matching brand family, per department in department order.</summary>
    public static (int BaseIndex, int BrandIndex)[][] PairsByDepartment(ReferenceDictionaries d)
    {
        var brandsByFamily = d.Brands
            .Select((b, i) => (b.BrandCategory, Index: i))
            .GroupBy(x => x.BrandCategory, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Index).ToArray(), StringComparer.Ordinal);
        var pairs = Departments.All.Select(_ => new List<(int, int)>()).ToArray();
        for (var i = 0; i < d.BaseProducts.Count; i++)
        {
            var category = d.CategoriesByName[d.BaseProducts[i].Category];
            var department = IndexOfDepartment(category.Department);
            foreach (var brand in brandsByFamily.GetValueOrDefault(category.BrandCategory) ?? [])
            {
                pairs[department].Add((i, brand));
            }
        }

        return pairs.Select(p => p.ToArray()).ToArray();
    }

    private static int IndexOfDepartment(string department)
    {
        for (var k = 0; k < Departments.All.Count; k++)
        {
            if (Departments.All[k].Name == department)
            {
                return k;
            }
        }

        throw new InvalidOperationException($"Department '{department}' is not one of data-model §5.");
    }

    /// <summary>Within each category (dictionary order), a seeded permutation gives ranks r = 1…; weight = r^−0.7.</summary>
    private static void AssignPopularity(List<Product> products, ReferenceDictionaries d, RandomStream stream)
    {
        var byCategory = products.GroupBy(p => p.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => (int)p.ProductId - 1).ToArray(), StringComparer.Ordinal);
        foreach (var category in d.Categories)
        {
            if (!byCategory.TryGetValue(category.Category, out var members))
            {
                continue;
            }

            var ranks = Enumerable.Range(1, members.Length).ToArray();
            stream.PartialShuffle(ranks, ranks.Length);
            for (var k = 0; k < members.Length; k++)
            {
                products[members[k]] = products[members[k]] with { PopularityWeight = Math.Pow(ranks[k], PopularityExponent) };
            }
        }
    }

    /// <summary>
    /// ŵ_p = (δ_c / Σ δ over the department's categories with products) × (v_p / Σ_c v), v_p = popularity × (sale / μ_c)^−1.1,
    /// μ_c the median sale price of the category (data-model §10.2). Sums run in product_id order.
    /// </summary>
    private static void AssignDemandWeights(List<Product> products, ReferenceDictionaries d)
    {
        var byCategory = products.GroupBy(p => p.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => (int)p.ProductId - 1).ToArray(), StringComparer.Ordinal);
        foreach (var (department, _) in Departments.All)
        {
            var categories = d.Categories.Where(c => c.Department == department && byCategory.ContainsKey(c.Category)).ToList();
            var lineWeightTotal = 0.0;
            foreach (var c in categories)
            {
                lineWeightTotal += c.LineWeight;
            }

            foreach (var category in categories)
            {
                var members = byCategory[category.Category];
                var median = MedianSalePrice(members.Select(m => products[m].SalePriceCents));
                var v = members.Select(m => products[m].PopularityWeight * Math.Pow(products[m].SalePriceCents / median, PriceElasticity)).ToArray();
                var vTotal = 0.0;
                foreach (var x in v)
                {
                    vTotal += x;
                }

                var categoryShare = category.LineWeight / lineWeightTotal;
                for (var k = 0; k < members.Length; k++)
                {
                    products[members[k]] = products[members[k]] with { DemandWeight = categoryShare * (v[k] / vTotal) };
                }
            }
        }
    }

    /// <summary>Median in cents; with an even count, the mean of the two middle values.</summary>
    private static double MedianSalePrice(IEnumerable<long> cents)
    {
        var sorted = cents.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
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
