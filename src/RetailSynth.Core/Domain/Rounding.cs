namespace RetailSynth.Domain;

/// <summary>Half-away-from-zero rounding everywhere (data-model §3.1, §4), never banker's rounding.</summary>
internal static class Rounding
{
    public static long ToLong(double value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);

    public static long ToCents(double dollars) => ToLong(dollars * 100.0);

    /// <summary>round(a / b) on integers: sign(a) × ((|a| + b/2) / b), b &gt; 0.</summary>
    public static long Divide(long numerator, long denominator) =>
        Math.Sign(numerator) * ((Math.Abs(numerator) + (denominator / 2)) / denominator);
}
