using RetailSynth.Engine.Calendar;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>
/// The §10.2 basket engine shared by store visits and online orders (§15): a line count, then per line a department,
/// a product (≤ 5 tries for one not yet in the basket), its quantity band and any holiday extra units. Store and online
/// callers differ only in the trip weights and the line-count range and factor they pass.
/// </summary>
internal static class BasketDraw
{
    /// <summary>Products a basket line may redraw before the line is dropped (§10.2, at most once per receipt).</summary>
    private const int ProductTries = 5;

    /// <summary>The §10.2 cap on lines per basket.</summary>
    private const int MaxLines = 99;

    /// <summary>
    /// Lines U(min, max) × <paramref name="formatFactor"/> (rounded, ≥ 1), then × the date's season factor (rounded, ≤ 99).
    /// </summary>
    public static int LineCount(RandomStream stream, (int Min, int Max) range, double formatFactor, DateOnly date)
    {
        var drawn = (int)Math.Max(1, Rounding.ToLong(stream.UniformInt(range.Min, range.Max) * formatFactor));
        return (int)Math.Min(MaxLines, Rounding.ToLong(drawn * SeasonalWindows.LineCountFactor(date)));
    }

    /// <summary>
    /// The intended basket of <paramref name="lineCount"/> lines for a trip type and shopper segment from the catalog of the
    /// shopper's local date; a line whose department has no product left to pick is dropped.
    /// </summary>
    public static List<(int Product, int Quantity)> Lines(
        RandomStream stream, BasketCatalog catalog, long[] saleCents, int trip, int segment, int lineCount)
    {
        var lines = new List<(int Product, int Quantity)>(lineCount);
        for (var i = 0; i < lineCount; i++)
        {
            var department = catalog.PickDepartment(stream, trip);
            var product = -1;
            for (var attempt = 0; attempt < ProductTries && product < 0; attempt++)
            {
                var candidate = catalog.Pick(stream, department, segment);
                if (candidate >= 0 && !Contains(lines, candidate))
                {
                    product = candidate;
                }
            }

            if (product < 0)
            {
                continue;
            }

            var quantity = 1 + stream.Categorical(QuantityBands.Weights(saleCents[product]));
            if (catalog.GetsExtraUnits(product))
            {
                quantity += stream.UniformInt(0, 2);
            }

            lines.Add((product, quantity));
        }

        return lines;
    }

    // A plain loop rather than List.Exists with a capturing lambda: this runs per basket line, and the closures were
    // 10 % of a large day's allocations.
    internal static bool Contains(List<(int Product, int Quantity)> lines, int product)
    {
        foreach (var line in lines)
        {
            if (line.Product == product)
            {
                return true;
            }
        }

        return false;
    }
}
