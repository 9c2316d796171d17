namespace RetailSynth.Foundation.Errors;

/// <summary>
/// How a host words a failure for its user: the CLI names its commands and flags, the server its fields and routes. A
/// failure the core only records (a stream session's last error) is worded with the host's registered wording.
/// </summary>
public interface IRefusalWording
{
    string Describe(RetailSynthException failure);
}
