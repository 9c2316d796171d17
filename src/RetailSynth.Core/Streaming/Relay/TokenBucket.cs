namespace RetailSynth.Streaming.Relay;

/// <summary>
/// <c>MaxEventsPerSecond</c> (streaming.md §5): a token bucket holding at most one second of events, refilled
/// continuously. It grants part of a request (a batch is cut to what may leave now), which the
/// System.Threading.RateLimiting limiters do not.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _rate;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    public TokenBucket(double eventsPerSecond, TimeProvider time)
    {
        _rate = eventsPerSecond;
        _time = time;
        _tokens = Math.Min(eventsPerSecond, 1); // start nearly empty: no burst of a whole second at session start
        _last = time.GetTimestamp();
    }

    /// <summary>Takes up to <paramref name="wanted"/> tokens now and returns how many were granted (possibly 0).</summary>
    public int Take(int wanted)
    {
        Refill();
        var granted = (int)Math.Min(wanted, Math.Floor(_tokens));
        _tokens -= granted;
        return granted;
    }

    /// <summary>How long until at least one token is available.</summary>
    public TimeSpan UntilNextToken()
    {
        Refill();
        return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / _rate);
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_rate, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * _rate));
        _last = now;
    }
}
