namespace RetailSynth.Foundation.Configuration;

/// <summary>Sizes of the embedded dictionaries that bound the volume settings (data-model §1).</summary>
/// <param name="Geographies">Rows of the geography dictionary.</param>
/// <param name="ProductPairs">(base product, brand) pairs of matching brand family.</param>
/// <param name="HubEligibleRows">Geography rows that may hold a DC (§6.2): <c>DistributionCenters</c> must not exceed them.</param>
public sealed record DictionaryLimits(int Geographies, long ProductPairs, int HubEligibleRows = int.MaxValue);
