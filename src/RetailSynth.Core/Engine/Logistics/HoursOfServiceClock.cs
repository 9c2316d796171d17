namespace RetailSynth.Engine.Logistics;

/// <summary>
/// The driver's hours-of-service clock (data-model §13.3, 49 CFR 395.3), in whole seconds: at most 11 h of driving and
/// 14 h on duty between 10-hour rests, and a 30-minute break after 8 h of driving. Breaks and rests write no row.
/// </summary>
internal sealed class HoursOfServiceClock(DateTime onDutyAt)
{
    public const long MaxDrivingSeconds = 11 * 3600;
    public const long MaxOnDutySeconds = 14 * 3600;
    public const long BreakAfterDrivingSeconds = 8 * 3600;
    public const long BreakSeconds = 30 * 60;
    public const long RestSeconds = 10 * 3600;

    public DateTime Now { get; private set; } = onDutyAt;

    /// <summary>D: driving since the last rest.</summary>
    public long DrivingSeconds { get; private set; }

    /// <summary>W: time since coming on duty or since the last rest.</summary>
    public long OnDutySeconds { get; private set; }

    /// <summary>B: driving since the last break (or non-driving period of ≥ 30 min).</summary>
    public long SinceBreakSeconds { get; private set; }

    public int Breaks { get; private set; }
    public int Rests { get; private set; }

    /// <summary>Loading, dock waits, unloading: on duty, not driving; 30 min or more counts as a break.</summary>
    public DateTime Work(long seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        Now = Now.AddSeconds(seconds);
        OnDutySeconds += seconds;
        if (seconds >= BreakSeconds)
        {
            SinceBreakSeconds = 0;
        }

        return Now;
    }

    /// <summary>Drives a leg of <paramref name="seconds"/> in pieces, taking breaks and rests as the limits require.</summary>
    public DateTime Drive(long seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        var left = seconds;
        while (left > 0)
        {
            var piece = Math.Min(
                left,
                Math.Min(MaxDrivingSeconds - DrivingSeconds, Math.Min(MaxOnDutySeconds - OnDutySeconds, BreakAfterDrivingSeconds - SinceBreakSeconds)));
            if (piece > 0)
            {
                Now = Now.AddSeconds(piece);
                DrivingSeconds += piece;
                OnDutySeconds += piece;
                SinceBreakSeconds += piece;
                left -= piece;
            }
            else if (SinceBreakSeconds >= BreakAfterDrivingSeconds && DrivingSeconds < MaxDrivingSeconds && OnDutySeconds < MaxOnDutySeconds)
            {
                Now = Now.AddSeconds(BreakSeconds);
                OnDutySeconds += BreakSeconds;
                SinceBreakSeconds = 0;
                Breaks++;
            }
            else
            {
                Now = Now.AddSeconds(RestSeconds);
                DrivingSeconds = OnDutySeconds = SinceBreakSeconds = 0;
                Rests++;
            }
        }

        return Now;
    }
}
