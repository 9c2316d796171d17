namespace RetailSynth.Foundation.Errors;

/// <summary>
/// A failure the user can act on. Its message is one readable sentence; hosts print it
/// (CLI) or turn it into ProblemDetails (API) without a stack trace.
/// </summary>
public class RetailSynthException : Exception
{
    public RetailSynthException(string message)
        : base(message)
    {
    }

    public RetailSynthException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
