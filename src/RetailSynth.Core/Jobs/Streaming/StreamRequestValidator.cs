using System.Globalization;

namespace RetailSynth.Jobs.Streaming;

/// <summary>
/// The one home of the rules for a stream request (api.md §1–§2): the CLI, the API and <see cref="StreamingService"/>
/// all ask it, so they accept and refuse the same requests with the same words. Every problem is returned at once.
/// </summary>
public static class StreamRequestValidator
{
    /// <summary>The longest session a request may ask for.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(365);

    /// <summary>
    /// The problems of <paramref name="request"/> over the <paramref name="configured"/> streaming settings.
    /// <paramref name="name"/> renders another field's name inside a message the way the host's user types it.
    /// </summary>
    public static IReadOnlyList<StreamRequestProblem> Validate(StreamRequest request, StreamingOptions configured, Func<StreamRequestField, string> name)
    {
        var problems = new List<StreamRequestProblem>();
        if (request.Duration is { } duration)
        {
            if (duration <= TimeSpan.Zero)
            {
                problems.Add(new(StreamRequestField.Duration, "must be positive"));
            }
            else if (duration > MaxDuration)
            {
                problems.Add(new(StreamRequestField.Duration, "must be at most a year"));
            }
        }

        if (request.Days is { } days and < 1)
        {
            problems.Add(new(StreamRequestField.Days, Invariant($"must be at least 1, got {days}")));
        }

        if (request.Speed is { } speed)
        {
            if (!(speed > 0) || !double.IsFinite(speed))
            {
                problems.Add(new(StreamRequestField.Speed, Invariant($"must be > 0, got {speed}")));
            }
            else if (speed is < SettingsLimits.MinStreamingSpeed or > SettingsLimits.MaxStreamingSpeed)
            {
                problems.Add(new(StreamRequestField.Speed, Invariant($"must be between {SettingsLimits.MinStreamingSpeed} and {SettingsLimits.MaxStreamingSpeed}, got {speed}")));
            }

            // The pacing in effect decides, whether the request or the settings chose it (api.md: "speed with a pacing other than accelerated").
            if (Effective(request, configured).EffectivePacing != PacingMode.Accelerated)
            {
                problems.Add(new(StreamRequestField.Speed, $"applies only with {name(StreamRequestField.Pacing)} accelerated", StreamRequestField.Pacing));
            }
        }

        if (request.MaxEventsPerSecond is { } rate)
        {
            if (rate <= 0)
            {
                problems.Add(new(StreamRequestField.MaxEventsPerSecond, Invariant($"must be > 0 (leave it out for no cap), got {rate}")));
            }
            else if (rate > SettingsLimits.MaxEventsPerSecond)
            {
                problems.Add(new(StreamRequestField.MaxEventsPerSecond, Invariant($"must be at most {SettingsLimits.MaxEventsPerSecond} (leave it out for no cap), got {rate}")));
            }
        }

        return problems;
    }

    /// <summary>The settings a session runs with: the request's values over the configured ones.</summary>
    public static StreamingOptions Effective(StreamRequest request, StreamingOptions configured)
    {
        var options = configured.Copy();
        options.Sink = request.Sink ?? configured.Sink;
        options.Pacing = request.Pacing ?? configured.Pacing;
        options.Speed = request.Speed ?? configured.Speed;
        options.MaxEventsPerSecond = request.MaxEventsPerSecond ?? configured.MaxEventsPerSecond;
        return options;
    }

    /// <summary>
    /// The settings a session runs with, or every problem at once (<see cref="SettingsException"/>): the request's own
    /// (in <see cref="NeutralName"/>s), then the merged sink settings (a connection string, say), which still have to hold up.
    /// </summary>
    public static StreamingOptions Resolve(StreamRequest request, StreamingOptions configured)
    {
        var invalid = Validate(request, configured, NeutralName);
        if (invalid.Count > 0)
        {
            throw new SettingsException([.. invalid.Select(p => $"{NeutralName(p.Field)} {p.Message}")]);
        }

        var options = Effective(request, configured);
        var problems = new List<string>();
        options.Validate("Streaming", problems);
        if (problems.Count > 0)
        {
            throw new SettingsException(problems);
        }

        return options;
    }

    /// <summary>
    /// A field's name where no host has named it (the service's own check): the API's snake_case word, and for the
    /// values that override a setting that setting's key too, e.g. <c>speed (Streaming:Speed)</c>.
    /// </summary>
    public static string NeutralName(StreamRequestField field) => field switch
    {
        StreamRequestField.Duration => "duration",
        StreamRequestField.Days => "days",
        StreamRequestField.MaxEventsPerSecond => "max_events_per_second (Streaming:MaxEventsPerSecond)",
        _ => $"{field.ToString().ToLowerInvariant()} (Streaming:{field})",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
