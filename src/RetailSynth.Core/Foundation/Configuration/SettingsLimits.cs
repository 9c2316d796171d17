namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// Upper (and date) bounds every setting is checked against before anything is written: values a 24 GB machine
/// can honour with the <c>large</c> profile well inside them (measured figures in docs/decisions.md, "Hardening:
/// setting limits"). They guard against typos such as an extra three zeros, not against a deliberate large run.
/// </summary>
public static class SettingsLimits
{
    /// <summary>
    /// Customers join up to 2,190 days before and 1,460 after <c>StartDate</c> (data-model §6.5), products launch up
    /// to two years before it; both boundaries were generated and validated end to end.
    /// </summary>
    public static readonly DateOnly EarliestStartDate = new(1900, 1, 1);

    public static readonly DateOnly LatestStartDate = new(2199, 12, 31);

    /// <summary>Days one <c>generate facts</c> run (or API request) may add after the watermark: ten years.</summary>
    public const int MaxDaysPerRun = 3660;

    /// <summary>≈ 640 B each while simulating: 5 M customers ≈ 3.2 GB on top of the large profile's 0.6 GB.</summary>
    public const int MaxCustomers = 5_000_000;

    public const int MaxStores = 5_000;

    public const int MaxProducts = 100_000;

    /// <summary>Every store keeps an inventory slot per product, ≈ 115 B each: 50 M slots ≈ 5.7 GB.</summary>
    public const long MaxStoreProductSlots = 50_000_000;

    public const int MaxCustomersPerStoreDay = 10_000;

    /// <summary>Store visits a day (Stores × CustomersPerStoreDay): 2 M ≈ 97 × the large profile's 20,640.</summary>
    public const long MaxStoreVisitsPerDay = 2_000_000;

    public const int MaxOnlineOrdersPerDay = 1_000_000;

    public const int MaxMarketingImpressionsPerDay = 10_000_000;

    /// <summary>Per truck setting (refrigerated, dry, supplier refrigerated, supplier dry).</summary>
    public const int MaxTrucks = 10_000;

    /// <summary>More headroom than this only multiplies idle trucks (and dim_trucks rows).</summary>
    public const double MaxFleetHeadroom = 20;

    /// <summary>Also the bound of every inventory setting: on-hand sums of several of them stay far inside 32 bits.</summary>
    public const int MaxUnits = 1_000_000;

    /// <summary>USD per 1,000 impressions: the old per-impression bound of 1,000 USD, restated per 1,000.</summary>
    public const decimal MaxMarketingCpm = 1_000_000m;

    public const int MaxDegreeOfParallelism = 256;

    public const double MinStreamingSpeed = 0.01;

    public const double MaxStreamingSpeed = 1_000_000;

    public const int MaxEventsPerSecond = 1_000_000;

    public const int MaxBatchSize = 100_000;

    public static readonly TimeSpan MaxLeaseDuration = TimeSpan.FromDays(1);

    /// <summary>Bound of RetryInitialDelay, RetryMaxDelay and BreakerBreakDuration.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    public const int MaxBreakerFailureThreshold = 1_000;

    public const int MaxUploadParallelism = 64;

    public const int MaxUploadBlockSizeMegabytes = 100;

    /// <summary>Files at once × blocks per file × block size: what the SDK may hold in memory (default 4 × 4 × 8 = 128 MiB).</summary>
    public const int MaxUploadBufferMegabytes = 4_096;
}
