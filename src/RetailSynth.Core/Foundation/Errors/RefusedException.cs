namespace RetailSynth.Foundation.Errors;

/// <summary>
/// A request that conflicts with the database's current state (facts exist, another
/// dataset, a stream session runs): the CLI exits non-zero, the API answers 409.
/// </summary>
public sealed class RefusedException(string message) : RetailSynthException(message);
