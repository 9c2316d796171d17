namespace RetailSynth.Foundation.Randomness;

/// <summary>
/// One deterministic random stream: Xoshiro256** seeded through SplitMix64 (data-model §3.1).
/// A stream is consumed in one fixed order by exactly one component; it is never shared.
/// </summary>
public sealed class RandomStream
{
    private ulong _s0, _s1, _s2, _s3;

    public RandomStream(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>U(a, b) over reals, [a, b).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>U(a, b) over integers, both bounds inclusive, without modulo bias.</summary>
    public long UniformInt(long min, long max)
    {
        if (max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), $"Empty range [{min}, {max}].");
        }

        var range = (ulong)(max - min) + 1;
        if (range == 0)
        {
            return (long)NextUInt64();
        }

        // Rejection sampling: discard the top partial bucket so every value is equally likely.
        var limit = ulong.MaxValue - (ulong.MaxValue % range);
        ulong draw;
        do
        {
            draw = NextUInt64();
        }
        while (draw >= limit);
        return min + (long)(draw % range);
    }

    public int UniformInt(int min, int max) => (int)UniformInt((long)min, max);

    public bool Bernoulli(double probability) => NextDouble() < probability;

    /// <summary>Categorical draw by cumulative weights in the listed order.</summary>
    public int Categorical(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var target = NextDouble() * total;
        var cumulative = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            if (target < cumulative)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>Standard normal by Box–Muller (one draw pair per call keeps the stream order simple).</summary>
    public double Normal(double mean, double standardDeviation)
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return mean + (standardDeviation * z);
    }

    /// <summary>LogNormal(μ, σ) = exp(Normal(μ, σ)) (§3.1).</summary>
    public double LogNormal(double mu, double sigma) => Math.Exp(Normal(mu, sigma));

    /// <summary>Exp(m) = −m·ln(1 − u), mean m (§3.1).</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Poisson(λ): inversion for λ ≤ 30, else max(0, round(Normal(λ, √λ))).</summary>
    public long Poisson(double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        if (lambda > 30)
        {
            return Math.Max(0, (long)Math.Round(Normal(lambda, Math.Sqrt(lambda)), MidpointRounding.AwayFromZero));
        }

        var u = NextDouble();
        var k = 0L;
        var p = Math.Exp(-lambda);
        var cumulative = p;
        while (u > cumulative && k < 1000)
        {
            k++;
            p *= lambda / k;
            cumulative += p;
        }

        return k;
    }

    /// <summary>Tri(min, mode, max) by inversion.</summary>
    public double Triangular(double min, double mode, double max)
    {
        var u = NextDouble();
        var split = (mode - min) / (max - min);
        return u < split
            ? min + Math.Sqrt(u * (max - min) * (mode - min))
            : max - Math.Sqrt((1 - u) * (max - min) * (max - mode));
    }

    /// <summary>In-place Fisher–Yates shuffle of the first <paramref name="count"/> positions (partial sample).</summary>
    public void PartialShuffle<T>(T[] items, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var j = (int)UniformInt(i, items.Length - 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
