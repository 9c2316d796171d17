namespace RetailSynth.Foundation.Configuration;

/// <summary>Sizes of the embedded dictionaries that bound the volume settings (data-model §1).</summary>
public sealed record DictionaryLimits(int Geographies, long ProductPairs);
