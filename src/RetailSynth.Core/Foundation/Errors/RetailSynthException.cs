namespace RetailSynth.Foundation.Errors;

/// <summary>
/// A failure the user can act on. Its message is one readable sentence; hosts print it
/// (CLI) or turn it into ProblemDetails (API) without a stack trace.
/// </summary>
public class RetailSynthException : Exception
{
    private readonly Func<Func<RequestField, string>, string>? _phrase;

    public RetailSynthException(string message)
        : base(message)
    {
    }

    public RetailSynthException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A message that names request fields: <paramref name="phrase"/> words it given how a reader names them.</summary>
    public RetailSynthException(Func<Func<RequestField, string>, string> phrase)
        : base(Capitalized(phrase(RequestFields.Neutral)))
    {
        _phrase = phrase;
    }

    /// <summary>The message with each request field named by <paramref name="name"/> (a host's flag or JSON field), as written.</summary>
    public string Phrase(Func<RequestField, string> name) => _phrase is null ? Message : _phrase(name);

    private static string Capitalized(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
}
