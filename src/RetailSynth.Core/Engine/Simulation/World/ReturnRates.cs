using RetailSynth.Engine.Calendar;

namespace RetailSynth.Engine.Simulation.World;

/// <summary>
/// The return probability of a sold line (§11): p_line = min(0.15, p_d × sale_price / μ_d), μ_d the median sale price
/// of the department's products, so dearer items come back more often. Computed once per product from the dimensions.
/// </summary>
public sealed class ReturnRates
{
    public const double LineCap = 0.15;
    public const double OnlineCap = 0.5;
    public const double GiftSeasonFactor = 1.5;

    private const string Grocery = "Grocery";

    private static readonly Dictionary<string, double> s_departmentRates = new(StringComparer.Ordinal)
    {
        [Grocery] = 0.0035,
        ["Health & Beauty"] = 0.020,
        ["Pet Supplies"] = 0.020,
        ["Home & Garden"] = 0.045,
        ["Clothing"] = 0.100,
        ["Baby & Kids"] = 0.040,
        ["Seasonal"] = 0.045,
        ["Office Supplies"] = 0.025,
        ["Electronics"] = 0.040,
        ["Automotive"] = 0.035,
        ["Sports & Recreation"] = 0.040,
    };

    private readonly double[] _line;
    private readonly bool[] _grocery;

    public ReturnRates(ProductTable products)
    {
        var medians = products.Rows
            .GroupBy(p => p.Department, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Median([.. g.Select(p => p.SalePriceCents).Order()]), StringComparer.Ordinal);
        _line = products.Rows
            .Select(p => Math.Min(LineCap, DepartmentRate(p.Department) * p.SalePriceCents / medians[p.Department]))
            .ToArray();
        _grocery = products.Rows.Select(p => p.Department == Grocery).ToArray();
    }

    /// <summary>p_d of a department (§11 table); a department outside the table is refused rather than guessed.</summary>
    public static double DepartmentRate(string department) =>
        s_departmentRates.TryGetValue(department, out var rate) ? rate : throw new InvalidOperationException($"No return rate for department '{department}'.");

    /// <summary>p_line of a product index, before the gift-season factor.</summary>
    public double Line(int product) => _line[product];

    /// <summary>A store sale's line: p_line, × 1.5 for a non-Grocery line sold in the gift season (store-local sale date).</summary>
    public double StoreLine(int product, DateOnly saleDate) => _line[product] * GiftFactor(product, saleDate);

    /// <summary>An online order's line: min(0.5, p_line × 3) (Grocery × 1.5), × 1.5 for a non-Grocery line in the gift season (creation date).</summary>
    public double OnlineLine(int product, DateOnly createdDate) =>
        Math.Min(OnlineCap, _line[product] * (_grocery[product] ? 1.5 : 3)) * GiftFactor(product, createdDate);

    private double GiftFactor(int product, DateOnly date) =>
        !_grocery[product] && SeasonalWindows.GiftSeason(date) ? GiftSeasonFactor : 1;

    /// <summary>Middle value; with an even count the mean of the two middle values.</summary>
    private static double Median(long[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
}
