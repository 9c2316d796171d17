namespace RetailSynth.Streaming.Relay;

/// <summary>Events sent per second over the last minute (streaming.md §7), from acknowledged batch counts.</summary>
internal sealed class SendRateWindow(TimeProvider time)
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);

    private readonly Queue<(long At, long Count)> _samples = new();
    private readonly Lock _lock = new();
    private readonly long _started = time.GetTimestamp();

    public void Add(long count)
    {
        lock (_lock)
        {
            _samples.Enqueue((time.GetTimestamp(), count));
            Trim();
        }
    }

    public double PerSecond()
    {
        lock (_lock)
        {
            Trim();
            var span = Math.Min(s_window.TotalSeconds, time.GetElapsedTime(_started).TotalSeconds);
            return span <= 0 ? 0 : _samples.Sum(s => s.Count) / span;
        }
    }

    private void Trim()
    {
        while (_samples.Count > 0 && time.GetElapsedTime(_samples.Peek().At) > s_window)
        {
            _samples.Dequeue();
        }
    }
}
