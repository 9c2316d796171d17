namespace RetailSynth.Server.Contracts;

/// <summary>
/// Error texts the server keeps (task errors), logs or returns: a message that quotes its input (a path of megabytes)
/// is cut, so no request can make a task, a log line or a response arbitrarily large.
/// </summary>
internal static class ErrorText
{
    public const int MaxLength = 2_000;

    /// <summary>The text, or its first <see cref="MaxLength"/> characters and an ellipsis.</summary>
    public static string Bound(string text) => text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
}
