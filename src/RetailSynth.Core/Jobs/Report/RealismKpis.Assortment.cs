namespace RetailSynth.Jobs.Report;

internal static partial class RealismKpis
{
    /// <summary>data-model §5: brand words reserved for food and health brands (whole words, case-insensitive).</summary>
    internal static readonly string[] FoodWords =
    [
        "Acres", "Bakehouse", "Bakery", "Butcher", "Creamery", "Dairy", "Deli", "Farm", "Farms", "Farmstead", "Foods", "Grocers",
        "Harvest", "Hearth", "Homestead", "Kitchen", "Kitchens", "Larder", "Mills", "Orchard", "Orchards", "Pantry", "Provisions", "Smokehouse",
    ];

    internal static readonly string[] HealthWords =
        ["Apothecary", "Clinical", "Health", "Medical", "Nutrition", "Pharma", "Remedies", "Remedy", "Rx", "Vitality", "Wellness"];

    /// <summary>Food categories: every Grocery category except the four household ones, plus Baby Food (realism.md R15).</summary>
    private const string IsFoodCategory =
        "((department = 'Grocery' AND category NOT IN ('Cleaning Supplies', 'Laundry', 'Paper Goods', 'Trash Bags & Food Storage')) OR category = 'Baby Food')";

    /// <summary>R6 — revenue concentration on the top SKUs and the department mix of SALE lines.</summary>
    private static void Assortment(KpiBuilder kpi, ReportContext q)
    {
        var notJudged = NeedsYearOrM(q.Horizon);
        var row = q.Row("""
            WITH lines AS (
                SELECT product_id, ext_price FROM fact_receipt_lines l
                WHERE l.quantity > 0 AND l.event_ts >= @from AND l.event_ts < @end
                  AND EXISTS (SELECT 1 FROM fact_receipts r WHERE r.receipt_id_ext = l.receipt_id_ext AND r.receipt_type = 'SALE')),
            by_product AS (SELECT product_id, sum(ext_price) AS revenue FROM lines GROUP BY product_id),
            ranked AS (SELECT revenue, row_number() OVER (ORDER BY revenue DESC, product_id) AS n FROM by_product),
            total AS (SELECT sum(revenue) AS t FROM by_product)
            SELECT (SELECT max(revenue) FROM ranked) / t,
                   (SELECT sum(revenue) FROM ranked WHERE n <= 20) / t,
                   (SELECT sum(b.revenue) FROM by_product b JOIN dim_products p USING (product_id) WHERE p.department = 'Grocery') / t,
                   (SELECT sum(b.revenue) FROM by_product b JOIN dim_products p USING (product_id) WHERE p.department = 'Electronics') / t
            FROM total
            """, 4);
        kpi.Check("top SKU's share of revenue", row[0], Units.Percent, Band.AtMost(0.01, "≤ 1 %"), notJudged);
        kpi.Check("top 20 SKUs' share", row[1], Units.Percent, Band.AtMost(0.10, "≤ 10 %"), notJudged);
        kpi.Check("Grocery share", row[2] ?? (row[0] is null ? null : 0), Units.Percent, Band.Between(0.45, 0.65, "45–65 %"), notJudged);
        kpi.Check("Electronics share", row[3] ?? (row[0] is null ? null : 0), Units.Percent, Band.AtMost(0.10, "≤ 10 %"), notJudged);
    }

    /// <summary>R15 — reserved brand words on products of other categories (dimensions: judged on any horizon).</summary>
    private static void BrandCoherence(KpiBuilder kpi, ReportContext q)
    {
        kpi.JudgedOn("dimensions");
        var food = q.Value($"SELECT count(*) FROM dim_products WHERE regexp_matches(brand, '{WholeWords(FoodWords)}') AND NOT {IsFoodCategory}");
        var health = q.Value($"SELECT count(*) FROM dim_products WHERE regexp_matches(brand, '{WholeWords(HealthWords)}') AND (category = 'Toys' OR {IsFoodCategory})");
        kpi.Check("food-word brands on non-food products", food, Units.Count, Band.None);
        kpi.Check("health-word brands on toys or food", health, Units.Count, Band.None);
    }

    private static string WholeWords(IEnumerable<string> words) => $"(?i)\\b({string.Join("|", words)})\\b";
}
