using System.Globalization;

namespace RetailSynth.Foundation.Configuration;

public enum SinkKind
{
    File,
    Stdout,
    EventHubs,
    Kafka,
}

public enum PacingMode
{
    Max,
    Realtime,
    Accelerated,
}

/// <summary>The <c>Streaming</c> section (streaming.md §4–§6): sink, batching, pacing, retries, breaker.</summary>
public sealed class StreamingOptions : ISettingsSection
{
    public SinkKind Sink { get; set; } = SinkKind.File;

    /// <summary>Null means the sink's default: max for file and stdout, realtime for eventhubs and kafka (§5).</summary>
    public PacingMode? Pacing { get; set; }

    /// <summary>Simulated seconds per wall-clock second in accelerated pacing.</summary>
    public double Speed { get; set; } = 60;

    /// <summary>Token-bucket cap in events/s; null means none (Event Hubs: 1,000 unless set).</summary>
    public int? MaxEventsPerSecond { get; set; }

    public int BatchSize { get; set; } = 10_000;
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Consecutive sink failures that open the circuit breaker.</summary>
    public int BreakerFailureThreshold { get; set; } = 3;
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    public FileSinkOptions File { get; set; } = new();
    public EventHubsSinkOptions EventHubs { get; set; } = new();
    public KafkaSinkOptions Kafka { get; set; } = new();

    /// <summary>A copy to override per session (the nested sink sections are shared: nothing changes them).</summary>
    public StreamingOptions Copy() => (StreamingOptions)MemberwiseClone();

    public PacingMode EffectivePacing => Pacing ?? (Sink is SinkKind.EventHubs or SinkKind.Kafka ? PacingMode.Realtime : PacingMode.Max);

    public int? EffectiveMaxEventsPerSecond => MaxEventsPerSecond ?? (Sink is SinkKind.EventHubs ? EventHubsSinkOptions.DefaultMaxEventsPerSecond : null);

    public void Validate(string prefix, List<string> problems)
    {
        // A tiny speed would push pacing delays past what TimeSpan holds; a huge one is max pacing in disguise.
        if (Speed is < SettingsLimits.MinStreamingSpeed or > SettingsLimits.MaxStreamingSpeed)
        {
            problems.Add(Speed <= 0
                ? $"{prefix}:Speed must be > 0, got {Speed}"
                : string.Create(CultureInfo.InvariantCulture, $"{prefix}:Speed must be between {SettingsLimits.MinStreamingSpeed} and {SettingsLimits.MaxStreamingSpeed}, got {Speed}"));
        }

        if (MaxEventsPerSecond is <= 0)
        {
            problems.Add($"{prefix}:MaxEventsPerSecond must be > 0 (leave it unset for no cap), got {MaxEventsPerSecond}");
        }
        else if (MaxEventsPerSecond > SettingsLimits.MaxEventsPerSecond)
        {
            problems.Add($"{prefix}:MaxEventsPerSecond must be at most {SettingsLimits.MaxEventsPerSecond} (leave it unset for no cap), got {MaxEventsPerSecond}");
        }

        if (BatchSize is < 1 or > SettingsLimits.MaxBatchSize)
        {
            problems.Add($"{prefix}:BatchSize must be between 1 and {SettingsLimits.MaxBatchSize}, got {BatchSize}");
        }

        Positive(problems, $"{prefix}:LeaseDuration", LeaseDuration, SettingsLimits.MaxLeaseDuration);
        Positive(problems, $"{prefix}:RetryInitialDelay", RetryInitialDelay, SettingsLimits.MaxRetryDelay);
        Positive(problems, $"{prefix}:RetryMaxDelay", RetryMaxDelay, SettingsLimits.MaxRetryDelay);
        Positive(problems, $"{prefix}:BreakerBreakDuration", BreakerBreakDuration, SettingsLimits.MaxRetryDelay);
        if (RetryMaxDelay < RetryInitialDelay)
        {
            problems.Add($"{prefix}:RetryMaxDelay ({RetryMaxDelay}) must not be shorter than {prefix}:RetryInitialDelay ({RetryInitialDelay})");
        }

        if (BreakerFailureThreshold is < 1 or > SettingsLimits.MaxBreakerFailureThreshold)
        {
            problems.Add(BreakerFailureThreshold < 1
                ? $"{prefix}:BreakerFailureThreshold must be ≥ 1, got {BreakerFailureThreshold}"
                : $"{prefix}:BreakerFailureThreshold must be at most {SettingsLimits.MaxBreakerFailureThreshold}, got {BreakerFailureThreshold}");
        }

        File.Validate($"{prefix}:File", problems);
        if (Sink == SinkKind.EventHubs)
        {
            EventHubs.Validate($"{prefix}:EventHubs", problems);
        }

        if (Sink == SinkKind.Kafka)
        {
            Kafka.Validate($"{prefix}:Kafka", problems);
        }
    }

    private static void Positive(List<string> problems, string key, TimeSpan value, TimeSpan max)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{key} must be a positive duration, got {value}");
        }
        else if (value > max)
        {
            problems.Add($"{key} must be at most {max}, got {value}");
        }
    }
}
