namespace RetailSynth.Connectors.Upload;

/// <summary>
/// The hosts of Azure Storage (public, US Government and China clouds; blob and dfs; private links keep these names)
/// and OneLake (global and regional). Only Microsoft serves names under these suffixes, so a credential sent there
/// reaches Azure Storage and nobody else.
/// </summary>
internal static class AzureStorageHosts
{
    private static readonly string[] s_storageSuffixes =
    [
        ".blob.core.windows.net", ".dfs.core.windows.net",
        ".blob.core.usgovcloudapi.net", ".dfs.core.usgovcloudapi.net",
        ".blob.core.chinacloudapi.cn", ".dfs.core.chinacloudapi.cn",
    ];

    private static readonly string[] s_oneLakeEndpoints = [".blob.fabric.microsoft.com", ".dfs.fabric.microsoft.com"];

    /// <summary>For messages: the hosts that need no entry in Upload:AllowedTargets.</summary>
    public const string Described =
        "*.blob.core.windows.net, *.dfs.core.windows.net, their usgovcloudapi.net and chinacloudapi.cn twins, onelake.blob|dfs.fabric.microsoft.com";

    public static bool Contains(string host)
    {
        host = host.TrimEnd('.');
        foreach (var suffix in s_storageSuffixes)
        {
            // An account name before the suffix: one or more labels (private links add one).
            if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var endpoint in s_oneLakeEndpoints)
        {
            // onelake.blob.fabric.microsoft.com, or a regional <region>-onelake.blob.fabric.microsoft.com.
            if (host.EndsWith(endpoint, StringComparison.OrdinalIgnoreCase))
            {
                var label = host[..^endpoint.Length];
                if (label.Equals("onelake", StringComparison.OrdinalIgnoreCase)
                    || (!label.Contains('.', StringComparison.Ordinal) && label.EndsWith("-onelake", StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
