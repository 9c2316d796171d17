using RetailSynth.Foundation.Configuration;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Relay;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Core.Tests.Streaming.Relay;

public sealed class PacerTests
{
    private sealed class ManualClock(DateTime start) : TimeProvider
    {
        private DateTimeOffset _now = new(start, TimeSpan.Zero);
        private long _ticks;

        public void Advance(TimeSpan by)
        {
            _now += by;
            _ticks += (long)(by.TotalSeconds * TimestampFrequency);
        }

        public override DateTimeOffset GetUtcNow() => _now;

        public override long GetTimestamp() => _ticks;

        public override long TimestampFrequency => 1_000_000;
    }

    private static OutboundEvent At(DateTime ts) => new(0, Guid.Empty, ts, DateOnly.FromDateTime(ts), "store_opened", "store_1", null, Array.Empty<byte>());

    [Fact]
    public void Realtime_releases_an_event_when_the_wall_clock_reaches_its_event_time_and_catches_up_past_ones()
    {
        var clock = new ManualClock(new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc));
        var pacer = new Pacer(PacingMode.Realtime, 60, clock);
        OutboundEvent[] events = [At(new DateTime(2024, 1, 1, 11, 0, 0)), At(new DateTime(2024, 1, 1, 11, 59, 0)), At(new DateTime(2024, 1, 1, 12, 0, 30))];

        Assert.Equal(2, pacer.DueCount(events, 0));
        Assert.Equal(PacingState.CatchingUp, pacer.State);
        Assert.Equal(0, pacer.DueCount(events, 2));
        Assert.Equal(PacingState.Waiting, pacer.State);
        Assert.Equal(TimeSpan.FromSeconds(30), pacer.DelayUntil(events[2].EventTs));

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, pacer.DueCount(events, 2));
        Assert.Equal(PacingState.Live, pacer.State);
    }

    [Fact]
    public void Accelerated_pins_the_first_day_to_the_session_start_and_runs_speed_times_faster()
    {
        var clock = new ManualClock(new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc));
        var pacer = new Pacer(PacingMode.Accelerated, 60, clock);
        pacer.Anchor(new DateOnly(2024, 1, 1));
        OutboundEvent[] events = [At(new DateTime(2024, 1, 1, 0, 0, 0)), At(new DateTime(2024, 1, 1, 1, 0, 0))];

        Assert.Equal(1, pacer.DueCount(events, 0));
        Assert.Equal(TimeSpan.FromMinutes(1), pacer.DelayUntil(events[1].EventTs)); // one simulated hour at 60×

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, pacer.DueCount(events, 0));
    }

    [Fact]
    public void Accelerated_time_does_not_count_a_pause_so_nothing_is_caught_up_after_it()
    {
        var clock = new ManualClock(new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc));
        var pacer = new Pacer(PacingMode.Accelerated, 60, clock);
        pacer.Anchor(new DateOnly(2024, 1, 1));
        OutboundEvent[] events = [At(new DateTime(2024, 1, 1, 0, 0, 0)), At(new DateTime(2024, 1, 1, 1, 0, 0)), At(new DateTime(2024, 1, 1, 2, 0, 0))];

        clock.Advance(TimeSpan.FromMinutes(10)); // paused for ten wall minutes: ten simulated hours at 60×
        pacer.Shift(TimeSpan.FromMinutes(10));

        Assert.Equal(1, pacer.DueCount(events, 0));
        Assert.Equal(TimeSpan.FromMinutes(1), pacer.DelayUntil(events[1].EventTs));
    }

    [Fact]
    public void Realtime_ignores_a_pause_shift_because_simulated_time_is_the_wall_clock()
    {
        var clock = new ManualClock(new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc));
        var pacer = new Pacer(PacingMode.Realtime, 60, clock);

        pacer.Shift(TimeSpan.FromHours(1));

        Assert.Equal(new DateTime(2024, 1, 1, 11, 30, 0), pacer.ReleaseAt(new DateTime(2024, 1, 1, 11, 30, 0)));
    }

    [Fact]
    public void Max_pacing_releases_everything_at_once()
    {
        var pacer = new Pacer(PacingMode.Max, 60, new ManualClock(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        OutboundEvent[] events = [At(new DateTime(2030, 1, 1, 0, 0, 0)), At(new DateTime(2030, 1, 2, 0, 0, 0))];

        Assert.Equal(2, pacer.DueCount(events, 0));
    }

    [Fact]
    public void The_token_bucket_grants_the_configured_rate_and_no_more()
    {
        var clock = new ManualClock(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var bucket = new TokenBucket(100, clock);

        var granted = bucket.Take(1000);
        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            granted += bucket.Take(1000);
        }

        Assert.InRange(granted, 1000, 1001); // 10 s × 100 events/s (+ the one token it starts with)
        Assert.Equal(0, bucket.Take(1));
        Assert.Equal(TimeSpan.FromSeconds(0.01), bucket.UntilNextToken());
    }
}
