namespace RetailSynth.Connectors;

/// <summary>
/// The <c>Key=Value;Key=Value</c> pairs of an Azure connection string, read for the few keys the SDKs' own parsers do
/// not expose (the emulator flag, a storage account's name and key). Keys match case-insensitively; the first wins.
/// </summary>
internal static class ConnectionStringKeys
{
    /// <summary>The value of <paramref name="key"/>, trimmed; null when the string does not set it.</summary>
    public static string? Find(string connectionString, string key) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2 && pair[0].Equals(key, StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair[1])
            .FirstOrDefault();
}
