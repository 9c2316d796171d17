namespace RetailSynth.Engine.Dimensions;

/// <summary>
/// Distributes n units over weighted slots (data-model §6.1): floor(n·wᵢ/Σw) each, the remaining
/// units to the largest fractional parts, ties by position. The total is exact.
/// </summary>
internal static class LargestRemainder
{
    public static int[] Distribute(int units, IReadOnlyList<double> weights)
    {
        var counts = new int[weights.Count];
        var total = weights.Sum();
        if (units <= 0 || weights.Count == 0 || total <= 0)
        {
            return counts;
        }

        var fractions = new (double Fraction, int Index)[weights.Count];
        var assigned = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = units * weights[i] / total;
            counts[i] = (int)Math.Floor(exact);
            assigned += counts[i];
            fractions[i] = (exact - counts[i], i);
        }

        var order = fractions
            .Where(f => weights[f.Index] > 0)
            .OrderByDescending(f => f.Fraction)
            .ThenBy(f => f.Index)
            .ToArray();
        for (var k = 0; assigned < units; k++, assigned++)
        {
            counts[order[k % order.Length].Index]++;
        }

        return counts;
    }
}
