namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>Units wanted on a basket line by sale price (data-model §10.2): cheap items sell in multiples, dear ones singly.</summary>
internal static class QuantityBands
{
    private static readonly double[] s_under5 = [0.62, 0.25, 0.08, 0.05];
    private static readonly double[] s_under20 = [0.87, 0.13];
    private static readonly double[] s_from20 = [0.97, 0.03];

    /// <summary>Weights of 1, 2, … units for a product of this sale price.</summary>
    public static double[] Weights(long saleCents) => saleCents < 500 ? s_under5 : saleCents < 2_000 ? s_under20 : s_from20;

    /// <summary>q̄: the band's mean quantity (planning, §12.1).</summary>
    public static double Mean(long saleCents)
    {
        var weights = Weights(saleCents);
        var mean = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            mean += (i + 1) * weights[i];
        }

        return mean;
    }
}
