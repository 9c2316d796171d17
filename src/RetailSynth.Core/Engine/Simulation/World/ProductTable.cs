
namespace RetailSynth.Engine.Simulation.World;

/// <summary>Products as parallel arrays indexed by product index (product_id − 1), plus per-group lists by price.</summary>
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
        BabyAndKids = products.Select(p => p.Department == "Baby & Kids").ToArray();
        Zone = products.Select(p => StoreZones.ForProduct(p.RequiresRefrigeration, p.MerchGroup)).ToArray();

        ByGroupByPrice = new int[MerchGroup.Count][];
        for (var g = 0; g < MerchGroup.Count; g++)
        {
            var group = g;
            ByGroupByPrice[g] = Enumerable.Range(0, Count)
                .Where(i => Group[i] == group)
                .OrderBy(i => SaleCents[i]).ThenBy(i => i)
                .ToArray();
        }
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
    public bool[] BabyAndKids { get; }
    public int[] Zone { get; }

    /// <summary>Product indexes of each merch group, cheapest first (ties by id): price filters are slices.</summary>
    public int[][] ByGroupByPrice { get; }

    public bool IsLaunched(int product, DateOnly date) => LaunchDate[product] <= date;
}
