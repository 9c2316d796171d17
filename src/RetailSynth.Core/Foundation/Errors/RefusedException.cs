namespace RetailSynth.Foundation.Errors;

/// <summary>
/// A request that conflicts with the database's current state (facts exist, another dataset, a stream session runs).
/// <see cref="Situation"/> says what is in the way in neutral words; <see cref="Exception.Message"/> adds a neutral way
/// out, which a host may replace with its own words for the same <see cref="Reason"/> (a CLI flag, an HTTP field).
/// </summary>
public sealed class RefusedException : RetailSynthException
{
    public RefusedException(string message)
        : base(message)
    {
        Reason = RefusalReason.Conflict;
        Situation = message;
    }

    /// <param name="reason">What kind of conflict it is; hosts phrase their hint from it.</param>
    /// <param name="situation">What is in the way, in neutral words.</param>
    /// <param name="wayOut">Follows <paramref name="situation"/> with its own punctuation, e.g. "; generate them first.".</param>
    public RefusedException(RefusalReason reason, string situation, string wayOut)
        : base(situation + wayOut)
    {
        Reason = reason;
        Situation = situation;
    }

    public RefusalReason Reason { get; }

    public string Situation { get; }
}
