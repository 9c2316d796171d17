using RetailSynth.Engine.Calendar;

namespace RetailSynth.Engine.Planning;

/// <summary>
/// A store's expected demand on an average day (data-model §12.1): buyers B_s, lines K_s and units U_s, with every
/// multiplier at 1 and every product launched. Routes (§13.1) and the fleet (§6.4) are sized from U_s; replenishment
/// scales K_s by the day-by-day factors to get u(t).
/// </summary>
internal sealed class StoreDemandBaseline
{
    /// <summary>Expected lines per receipt at format factor 1 (§10.2).</summary>
    public const double LinesPerReceipt = 12.17;

    /// <summary>Share of online orders picked at a store (§15) and lines per online order.</summary>
    public const double StoreFulfilledOnlineShare = 0.4;
    public const double OnlineLinesPerOrder = 7.9;

    /// <summary>s̄: each department's average share (%) of a basket's lines (§10.2), in department order.</summary>
    public static readonly IReadOnlyList<(string Department, double Share)> DepartmentLineShares =
    [
        ("Grocery", 75.36),
        ("Health & Beauty", 8.10),
        ("Pet Supplies", 3.30),
        ("Home & Garden", 3.02),
        ("Clothing", 2.33),
        ("Baby & Kids", 2.02),
        ("Seasonal", 1.80),
        ("Office Supplies", 1.41),
        ("Electronics", 1.13),
        ("Automotive", 0.90),
        ("Sports & Recreation", 0.63),
    ];

    private StoreDemandBaseline(double[] buyers, double[] lines, double unitsPerLine)
    {
        Buyers = buyers;
        Lines = lines;
        UnitsPerLine = unitsPerLine;
        Units = [.. lines.Select(k => k * unitsPerLine)];
    }

    /// <summary>B_s by store index (store_id − 1).</summary>
    public IReadOnlyList<double> Buyers { get; }

    /// <summary>K_s by store index.</summary>
    public IReadOnlyList<double> Lines { get; }

    /// <summary>U_s by store index.</summary>
    public IReadOnlyList<double> Units { get; }

    /// <summary>Σ_d (s̄_d / 100) Σ_{p∈d} ŵ_p q̄_p / (W_d G): expected units of one line on an average day.</summary>
    public double UnitsPerLine { get; }

    public static StoreDemandBaseline Create(
        SimulationOptions options, IReadOnlyList<Store> stores, IReadOnlyList<Customer> customers, IReadOnlyList<Product> products)
    {
        var primaryCustomers = new long[stores.Count];
        foreach (var customer in customers)
        {
            primaryCustomers[customer.PrimaryStoreId - 1]++;
        }

        var buyers = new double[stores.Count];
        var lines = new double[stores.Count];
        for (var s = 0; s < stores.Count; s++)
        {
            buyers[s] = ExpectedBuyers(options, stores[s]);
            lines[s] = ExpectedLines(options, stores[s], primaryCustomers[s], customers.Count);
        }

        return new StoreDemandBaseline(buyers, lines, AverageUnitsPerLine(products));
    }

    /// <summary>B_s: buyers on a day with F = 1 (§12.1).</summary>
    public static double ExpectedBuyers(SimulationOptions options, Store store) =>
        options.CustomersPerStoreDay * store.DailyTrafficMultiplier * HourlyCurve.HoursFactor(store.OpenMinute, store.CloseMinute);

    /// <summary>K_s: B_s × L̄(format) plus the store's share of store-picked online lines, n_s of <paramref name="customerCount"/> (§12.1).</summary>
    public static double ExpectedLines(SimulationOptions options, Store store, long primaryCustomers, int customerCount)
    {
        var online = customerCount == 0
            ? 0
            : options.OnlineOrdersPerDay * StoreFulfilledOnlineShare * OnlineLinesPerOrder * primaryCustomers / customerCount;
        return (ExpectedBuyers(options, store) * ExpectedLinesPerReceipt(store.StoreFormat)) + online;
    }

    /// <summary>L̄(format) = 12.17 × format factor; EXPRESS baskets are always U(1,3) lines, 2.0 on average (§10.2).</summary>
    public static double ExpectedLinesPerReceipt(string storeFormat) => storeFormat switch
    {
        StoreFormats.Hypermarket => LinesPerReceipt * 1.3,
        StoreFormats.Superstore => LinesPerReceipt * 1.1,
        StoreFormats.Standard => LinesPerReceipt,
        StoreFormats.Neighborhood => LinesPerReceipt * 0.8,
        StoreFormats.Express => 2.0,
        _ => throw new ArgumentOutOfRangeException(nameof(storeFormat), storeFormat, "Unknown store format."),
    };

    /// <summary>q̄: mean quantity of a line by sale price band (§10.2).</summary>
    public static double MeanQuantity(long salePriceCents) => salePriceCents < 500 ? 1.56 : salePriceCents < 2000 ? 1.13 : 1.03;

    private static double AverageUnitsPerLine(IReadOnlyList<Product> products)
    {
        // Sums in product_id order within each department, departments in table order (§3.1: fixed summation order).
        var weight = new Dictionary<string, double>(StringComparer.Ordinal);
        var weightedQuantity = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var product in products)
        {
            weight[product.Department] = weight.GetValueOrDefault(product.Department) + product.DemandWeight;
            weightedQuantity[product.Department] = weightedQuantity.GetValueOrDefault(product.Department)
                + (product.DemandWeight * MeanQuantity(product.SalePriceCents));
        }

        var share = 0.0;
        var units = 0.0;
        foreach (var (department, lineShare) in DepartmentLineShares)
        {
            if (weight.GetValueOrDefault(department) > 0)
            {
                share += lineShare / 100;
                units += lineShare / 100 * weightedQuantity[department] / weight[department];
            }
        }

        return share == 0 ? 0 : units / share;
    }
}
