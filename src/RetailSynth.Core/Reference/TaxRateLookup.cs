
namespace RetailSynth.Reference;

/// <summary>data-model §4: exact (state, city), else the state's mean rounded to 5 decimals, else 0.07407.</summary>
public sealed class TaxRateLookup(IReadOnlyList<TaxRateEntry> rates)
{
    public const long FallbackRateE5 = 7_407;

    private readonly Dictionary<(string State, string City), long> _exact = rates
        .Where(r => r.City is not null)
        .ToDictionary(r => (r.State, r.City!), r => r.RateE5);

    private readonly Dictionary<string, long> _stateMean = rates
        .GroupBy(r => r.State, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => Rounding.Divide(g.Sum(r => r.RateE5), g.Count()), StringComparer.Ordinal);

    public long RateE5(string state, string city) =>
        _exact.TryGetValue((state, city), out var exact) ? exact
        : _stateMean.TryGetValue(state, out var mean) ? mean
        : FallbackRateE5;
}
