namespace RetailSynth.Streaming.Relay;

/// <summary>
/// When each event may leave (streaming.md §5). <c>max</c>: now. <c>realtime</c>: at its event_ts (past events are
/// caught up at once). <c>accelerated</c>: 00:00Z of the session's first streamed day is pinned to the session's
/// start, and simulated time then runs <c>speed</c>× faster.
/// </summary>
internal sealed class Pacer
{
    private readonly PacingMode _mode;
    private readonly double _speed;
    private readonly TimeProvider _time;
    private DateTime? _anchorSimulated;
    private DateTime _anchorWall;

    public Pacer(PacingMode mode, double speed, TimeProvider time)
    {
        _mode = mode;
        _speed = speed;
        _time = time;
        _anchorWall = time.GetUtcNow().UtcDateTime;
    }

    public PacingMode Mode => _mode;

    public PacingState State { get; private set; } = PacingState.Live;

    /// <summary>Pins accelerated time to the first streamed day (the oldest pending event's day, else the next day to simulate).</summary>
    public void Anchor(DateOnly firstDay)
    {
        _anchorSimulated ??= firstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }

    public DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// After a pause: accelerated time resumes where it stopped (the anchor moves by the pause), so the paused wall
    /// time is not caught up in a burst. Realtime is the wall clock itself: what fell due meanwhile is caught up, as
    /// after any late start (§5), capped by the rate limit.
    /// </summary>
    public void Shift(TimeSpan paused)
    {
        if (_mode == PacingMode.Accelerated && paused > TimeSpan.Zero)
        {
            _anchorWall += paused;
        }
    }

    /// <summary>The wall-clock moment at which an event of simulated time <paramref name="eventTs"/> is due.</summary>
    public DateTime ReleaseAt(DateTime eventTs) => _mode switch
    {
        PacingMode.Realtime => eventTs,
        PacingMode.Accelerated => _anchorWall + (eventTs - (_anchorSimulated ?? eventTs.Date)) / _speed,
        _ => DateTime.MinValue,
    };

    /// <summary>How many of <paramref name="events"/> (from <paramref name="start"/>) are due now, updating <see cref="State"/>.</summary>
    public int DueCount(IReadOnlyList<Storage.Outbox.OutboundEvent> events, int start)
    {
        var now = Now;
        var count = 0;
        while (start + count < events.Count && ReleaseAt(events[start + count].EventTs) <= now)
        {
            count++;
        }

        State = count == 0
            ? PacingState.Waiting
            : _mode == PacingMode.Realtime && now - events[start].EventTs > TimeSpan.FromSeconds(5) ? PacingState.CatchingUp : PacingState.Live;
        return count;
    }

    /// <summary>Waiting for a day that is not due yet (realtime: a future day; accelerated: the day's start).</summary>
    public TimeSpan DelayUntil(DateTime eventTs)
    {
        var wait = ReleaseAt(eventTs) - Now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
