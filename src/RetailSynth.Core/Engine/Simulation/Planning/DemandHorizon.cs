namespace RetailSynth.Engine.Simulation.Planning;

/// <summary>The expected day factors F̂(t+k) and unit shares a_p(t+k) of the days after a review (k = 1…n).</summary>
internal sealed class DemandHorizon(double[] dayFactors, double[][] unitShares)
{
    /// <summary>Λ_{n,p}(i..j) = e × Σ_{k=i..j} K_n × F̂(t+k) × a_p(t+k), days added in date order (§3.1).</summary>
    public double Window(double nodeLines, double forecastFactor, int product, int fromDay, int toDay)
    {
        var sum = 0.0;
        for (var k = fromDay; k <= toDay; k++)
        {
            sum += nodeLines * dayFactors[k] * unitShares[k][product];
        }

        return forecastFactor * sum;
    }

    /// <summary>True when a day of t+1…t+<paramref name="days"/> has F̂ ≥ <paramref name="threshold"/> (peak readiness, §12.4).</summary>
    public bool PeakWithin(int days, double threshold)
    {
        for (var k = 1; k <= days; k++)
        {
            if (dayFactors[k] >= threshold)
            {
                return true;
            }
        }

        return false;
    }
}
