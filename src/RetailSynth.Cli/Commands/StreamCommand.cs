using System.ComponentModel;
using System.Globalization;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Streaming.Relay;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary>
/// <c>retailsynth stream</c>: the streaming loop of streaming.md in the foreground, with a live status line on stderr
/// (simulated day, events/s, pending, lag). Ends after --duration, after --days fully delivered days, or on Ctrl-C —
/// gracefully in every case: the in-flight batch is acknowledged and the rest stays pending.
/// </summary>
public sealed class StreamCommand(CommandRuntime runtime) : AsyncCommand<StreamCommand.Settings>
{
    public sealed class Settings : SinkSettings
    {
        [CommandOption("--duration <DURATION>")]
        [Description("Stop after this much wall time, e.g. 90s, 10m, 2h.")]
        public string? Duration { get; init; }

        [CommandOption("--days <N>")]
        [Description("Stop once N simulated days are fully delivered.")]
        public string? Days { get; init; }

        [CommandOption("--pacing <PACING>")]
        [Description("max, realtime or accelerated (default: max for file/stdout, realtime for eventhubs/kafka).")]
        public string? Pacing { get; init; }

        [CommandOption("--speed <N>")]
        [Description("Simulated seconds per second with --pacing accelerated (default 60).")]
        public string? Speed { get; init; }

        [CommandOption("--max-events-per-second <N>")]
        [Description("Cap the send rate (token bucket).")]
        public string? MaxEventsPerSecond { get; init; }

        [CommandOption(RegionOption.Template)]
        [Description(RegionOption.Description + " Required when there are several.")]
        public string? Region { get; init; }

        public TimeSpan? ParsedDuration => Duration is not null && DurationParser.TryParse(Duration, out var d) ? d : null;

        public double? ParsedSpeed => double.TryParse(Speed, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) ? speed : null;

        public int? ParsedDays => int.TryParse(Days, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : null;

        public override ValidationResult Validate()
        {
            if (RegionOption.Refuse(Region) is { } badRegion)
            {
                return badRegion;
            }

            if (Duration is not null && ParsedDuration is not { } duration)
            {
                return ValidationResult.Error($"--duration must be a duration such as 90s, 10m or 2h, got '{Duration}'.");
            }

            if (Days is not null && ParsedDays is null)
            {
                return ValidationResult.Error($"--days must be a whole number of at least 1, got '{Days}'.");
            }

            // The rules between values (and against the settings) are StreamRequestValidator's, checked once the settings are loaded.
            return ValidationResult.Success();
        }

        public override IReadOnlyDictionary<string, string?> ConfigurationOverrides() => WithOverrides(
            base.ConfigurationOverrides(),
            ("Streaming:Pacing", Pacing),
            ("Streaming:Speed", Speed),
            ("Streaming:MaxEventsPerSecond", MaxEventsPerSecond));
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = RegionOption.Apply(runtime.LoadSettings(settings), settings.Region); // --sink, --pacing, --speed and --max-events-per-second arrive as settings overrides
        var request = new StreamRequest(Duration: settings.ParsedDuration, Days: settings.ParsedDays, Speed: settings.ParsedSpeed);
        if (StreamRequestValidator.Validate(request, options.Streaming, OptionName) is { Count: > 0 } problems)
        {
            throw new Foundation.Errors.RetailSynthException(string.Join("; ", problems.Select(p => $"{OptionName(p.Field)} {p.Message}")) + ".");
        }

        await using var scope = runtime.OpenStreaming(settings, options);
        var streaming = scope.Streaming;
        var console = runtime.Environment.Error; // stdout may be the sink: it carries nothing but events
        var started = streaming.Start(request);
        console.WriteLine($"Streaming to {started.Sink} with {started.Pacing.ToString().ToLowerInvariant()} pacing" +
            (options.Streaming.Sink == SinkKind.File ? $" into {options.Streaming.File.Directory}" : string.Empty) +
            "; Ctrl-C stops gracefully.");

        var interval = runtime.Environment.ErrorIsTerminal ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5);
        var wait = streaming.WaitAsync(CancellationToken.None);
        using var stopOnCancel = cancellationToken.Register(() => _ = streaming.StopAsync(CancellationToken.None));
        while (!wait.IsCompleted)
        {
            await Task.WhenAny(wait, Task.Delay(interval, CancellationToken.None));
            if (!wait.IsCompleted)
            {
                console.WriteLine(Line(streaming));
            }
        }

        var final = streaming.Status;
        var outbox = streaming.GetOutboxStatus();
        console.WriteLine($"Stream ended: {final.EventsSent:N0} events sent; outbox: {outbox.Pending:N0} pending, {outbox.Dead:N0} dead; last committed day {outbox.LastCommittedDay:yyyy-MM-dd}.");
        if (streaming.LastError is { } error)
        {
            throw new Foundation.Errors.RetailSynthException($"The stream session failed: {error}");
        }

        return cancellationToken.IsCancellationRequested ? CliApp.ExitCancelled : CliApp.ExitOk;
    }

    /// <summary>A stream request field as the option that sets it.</summary>
    private static string OptionName(StreamRequestField field) => field switch
    {
        StreamRequestField.MaxEventsPerSecond => "--max-events-per-second",
        _ => "--" + field.ToString().ToLowerInvariant(),
    };

    private static string Line(StreamingService streaming)
    {
        var status = streaming.Status;
        var outbox = streaming.GetOutboxStatus();
        var lag = outbox.LagSeconds is { } l ? $", lag {TimeSpan.FromSeconds(l):hh\\:mm\\:ss}" : string.Empty;
        var sink = outbox.Sink.Breaker == BreakerState.Closed ? string.Empty : $", sink {outbox.Sink.Breaker.ToString().ToLowerInvariant()}: {outbox.Sink.LastError}";
        return $"day {status.CurrentDay:yyyy-MM-dd}: {status.EventsSent:N0} sent, {status.EventsPerSecond:N0} events/s, " +
            $"{outbox.Pending + outbox.Leased:N0} pending, {Format(status.PacingState)}{lag}{sink}";
    }

    private static string Format(PacingState state) => state switch
    {
        PacingState.CatchingUp => "catching up",
        PacingState.Waiting => "waiting",
        PacingState.Paused => "paused",
        _ => "live",
    };
}
