
namespace RetailSynth.Engine.Simulation.World;

/// <summary>Products as parallel arrays indexed by product index (product_id − 1), with what baskets and planning derive from them.</summary>
public sealed class ProductTable
{
    public ProductTable(IReadOnlyList<Product> products)
    {
        Count = products.Count;
        Rows = products;
        SaleCents = products.Select(p => p.SalePriceCents).ToArray();
        Group = products.Select(p => MerchGroup.IndexOf(p.MerchGroup)).ToArray();
        Refrigerated = products.Select(p => p.RequiresRefrigeration).ToArray();
        TaxMultiplier = products.Select(p => p.Taxability switch
        {
            Taxabilities.Taxable => 100,
            Taxabilities.ReducedRate => 50,
            _ => 0,
        }).ToArray();
        LaunchDate = products.Select(p => p.LaunchDate).ToArray();
        Popularity = products.Select(p => p.PopularityWeight).ToArray();
        Tags = products.Select(p => ProductTagSet.Parse(p.Tags)).ToArray();
        Zone = products.Select(p => StoreZones.ForProduct(p.RequiresRefrigeration, p.MerchGroup)).ToArray();
        Department = products.Select(p => Stores.DepartmentShares.IndexOf(p.Department)).ToArray();
        DemandWeight = products.Select(p => p.DemandWeight).ToArray();
        CasePack = products.Select(p => p.CasePack).ToArray();
        SeasonProfile = products.Select(p => IndexOfProfile(p.SeasonProfile)).ToArray();
        PriceTilt = PriceTilts(products);
        NonBuyerZoneWeights = ZoneWeightsOfQuickTrips();
    }

    public int Count { get; }
    public IReadOnlyList<Product> Rows { get; }
    public long[] SaleCents { get; }
    public int[] Group { get; }
    public bool[] Refrigerated { get; }

    /// <summary>m of the line-tax formula: 100 TAXABLE, 50 REDUCED_RATE, 0 NON_TAXABLE (data-model §4).</summary>
    public int[] TaxMultiplier { get; }
    public DateOnly[] LaunchDate { get; }
    public double[] Popularity { get; }
    public ProductTags[] Tags { get; }
    public int[] Zone { get; }

    /// <summary>Zone weights of non-buying visitors (§10.4): QUICK_TRIP department shares spread over zones by ŵ.</summary>
    public double[] NonBuyerZoneWeights { get; }

    /// <summary>Department index in the order of the §10.2 share table.</summary>
    public int[] Department { get; }

    /// <summary>ŵ: the product's static share of its department's lines (§6.6).</summary>
    public double[] DemandWeight { get; }
    public int[] CasePack { get; }

    /// <summary>Index into SeasonProfiles.All (0 = NONE).</summary>
    public int[] SeasonProfile { get; }

    /// <summary>
    /// (sale_price / μ_c)^τ per shopper segment (§10.2), μ_c the category's median sale price: computed once here, as
    /// §3.1 asks of every pow, so a day's baskets never evaluate a transcendental function.
    /// </summary>
    public double[][] PriceTilt { get; }

    public bool IsLaunched(int product, DateOnly date) => LaunchDate[product] <= date;

    private double[] ZoneWeightsOfQuickTrips()
    {
        var weights = new double[StoreZones.Count];
        for (var p = 0; p < Count; p++)
        {
            weights[Zone[p]] += Stores.DepartmentShares.Share(Stores.BasketRules.QuickTrip, Department[p]) * DemandWeight[p];
        }

        return weights;
    }

    private static int IndexOfProfile(string profile)
    {
        for (var i = 0; i < SeasonProfiles.All.Count; i++)
        {
            if (SeasonProfiles.All[i] == profile)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown season profile.");
    }

    private static double[][] PriceTilts(IReadOnlyList<Product> products)
    {
        var median = products.GroupBy(p => p.Category).ToDictionary(g => g.Key, g =>
        {
            var prices = g.Select(p => (double)p.SalePriceCents).Order().ToArray();
            var mid = prices.Length / 2;
            return prices.Length % 2 == 1 ? prices[mid] : (prices[mid - 1] + prices[mid]) / 2;
        });
        var tilts = new double[ShopperSegments.All.Count][];
        for (var segment = 0; segment < tilts.Length; segment++)
        {
            var tau = Stores.BasketRules.PriceTilt(segment);
            tilts[segment] = products.Select(p => tau == 0 ? 1.0 : Math.Pow(p.SalePriceCents / median[p.Category], tau)).ToArray();
        }

        return tilts;
    }
}
