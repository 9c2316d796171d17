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

    /// <summary>A conflict whose message names request fields (see <see cref="RetailSynthException.Phrase"/>).</summary>
    public RefusedException(Func<Func<RequestField, string>, string> phrase)
        : base(phrase)
    {
        Reason = RefusalReason.Conflict;
        Situation = Message;
    }

    /// <param name="reason">What kind of conflict it is; hosts phrase their hint from it.</param>
    /// <param name="situation">What is in the way, in neutral words.</param>
    /// <param name="wayOut">Follows <paramref name="situation"/> with its own punctuation, e.g. "; generate them first.".</param>
    /// <param name="innerException">The failure underneath, if any.</param>
    public RefusedException(RefusalReason reason, string situation, string wayOut, Exception? innerException = null)
        : base(situation + wayOut, innerException)
    {
        Reason = reason;
        Situation = situation;
    }

    public RefusalReason Reason { get; }

    public string Situation { get; }
}
