namespace RetailSynth.Server.Contracts;

/// <summary>
/// What one request may carry. Every route's JSON fits in a few KiB (a hundred table names, two paths), so anything
/// much larger is a mistake or an attack: it is refused by size (413) or by field (400) before any work starts.
/// </summary>
internal static class RequestLimits
{
    /// <summary>The largest request body Kestrel reads; beyond it the answer is 413 and the rest is never buffered.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>A folder path (<c>out</c>); longer ones are refused by name instead of failing later in the file system.</summary>
    public const int MaxPathLength = 1_024;

    /// <summary>One folder name in bytes of UTF-8: NAME_MAX of Linux file systems.</summary>
    public const int MaxFolderNameBytes = 255;

    /// <summary>An upload target: a container URL with a SAS query fits well within it.</summary>
    public const int MaxUrlLength = 2_048;

    /// <summary>Entries of a list field (<c>tables</c>).</summary>
    public const int MaxListEntries = 100;

    /// <summary>Bad values of a list that an error message quotes; the rest are counted.</summary>
    public const int MaxEchoedValues = 3;
}
