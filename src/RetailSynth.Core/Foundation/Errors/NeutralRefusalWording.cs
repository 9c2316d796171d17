namespace RetailSynth.Foundation.Errors;

/// <summary>The core's own words: the exception's message.</summary>
public sealed class NeutralRefusalWording : IRefusalWording
{
    public static readonly NeutralRefusalWording Instance = new();

    public string Describe(RetailSynthException failure) => failure.Message;
}
