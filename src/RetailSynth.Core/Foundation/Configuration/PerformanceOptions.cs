namespace RetailSynth.Foundation.Configuration;

/// <summary>The <c>Performance</c> section: never changes output, not part of <c>dataset_id</c>.</summary>
public sealed class PerformanceOptions
{
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;
}
