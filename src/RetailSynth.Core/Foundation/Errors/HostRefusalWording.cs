namespace RetailSynth.Foundation.Errors;

/// <summary>
/// A host's words for a failure: the core's situation with the host's way out for its <see cref="RefusalReason"/>, and
/// the request fields named as the host's user types them. A reason or field the host has no words for keeps the core's.
/// </summary>
public abstract class HostRefusalWording : IRefusalWording
{
    public string Describe(RetailSynthException failure) => failure is RefusedException refused && WayOut(refused.Reason) is { } wayOut
        ? refused.Situation + wayOut
        : failure.Phrase(field => FieldName(field) ?? RequestFields.Neutral(field));

    /// <summary>Follows the situation with its own punctuation, e.g. "; run `retailsynth generate dimensions` first.".</summary>
    protected abstract string? WayOut(RefusalReason reason);

    protected abstract string? FieldName(RequestField field);
}
