namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// The <c>Upload</c> section: where exports land in Azure Blob Storage, ADLS Gen2 or OneLake (through the blob
/// endpoint). Authentication: <see cref="ConnectionString"/>, a SAS URL as target, or Entra ID (DefaultAzureCredential);
/// credentials from settings only go to Azure Storage, OneLake or <see cref="AllowedTargets"/>.
/// </summary>
public sealed class UploadOptions : ISettingsSection
{
    /// <summary>
    /// Default target: a container URL (optionally with a SAS query and a folder prefix), or <c>container[/folder]</c>
    /// when <see cref="ConnectionString"/> is set. A SAS query is a secret, hence the whole value is.
    /// </summary>
    [Secret]
    public string? Target { get; set; }

    /// <summary>A storage account connection string (account key or SAS); never logged.</summary>
    [Secret]
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Endpoints besides Azure Storage and OneLake that may receive credentials and that API requests may name,
    /// ';'-separated: hosts (<c>127.0.0.1:10000</c>) or URL prefixes (<c>http://127.0.0.1:10000/devstoreaccount1/lake</c>).
    /// For Azurite, a private endpoint under a custom name, Azure Stack.
    /// </summary>
    public string? AllowedTargets { get; set; }

    /// <summary>The parsed <see cref="AllowedTargets"/> (validated at start-up, so nothing is dropped here).</summary>
    public IReadOnlyList<AllowedUploadTarget> AllowList() => AllowedUploadTarget.ParseList(AllowedTargets, "Upload:AllowedTargets", []);

    /// <summary>Files uploaded at the same time; each large file also sends this many blocks at once.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>Block size of chunked uploads in MiB; a file up to this size goes in one request.</summary>
    public int BlockSizeMegabytes { get; set; } = 8;

    /// <summary>Retries of a failed request (the SDK's exponential policy, 0.5 s doubling up to 4 s) before the file fails.</summary>
    public int MaxRetries { get; set; } = 3;

    public void Validate(string prefix, List<string> problems)
    {
        if (Parallelism is < 1 or > SettingsLimits.MaxUploadParallelism)
        {
            problems.Add($"{prefix}:Parallelism must be between 1 and {SettingsLimits.MaxUploadParallelism}, got {Parallelism}");
        }

        if (BlockSizeMegabytes is < 1 or > SettingsLimits.MaxUploadBlockSizeMegabytes)
        {
            problems.Add($"{prefix}:BlockSizeMegabytes must be between 1 and {SettingsLimits.MaxUploadBlockSizeMegabytes}, got {BlockSizeMegabytes}");
        }
        else if (Parallelism is >= 1 and <= SettingsLimits.MaxUploadParallelism
            && (long)Parallelism * Parallelism * BlockSizeMegabytes > SettingsLimits.MaxUploadBufferMegabytes)
        {
            // Each of Parallelism files sends Parallelism blocks at once, each buffered in memory.
            problems.Add($"{prefix}:BlockSizeMegabytes ({BlockSizeMegabytes}) with {prefix}:Parallelism ({Parallelism}) may buffer {(long)Parallelism * Parallelism * BlockSizeMegabytes} MiB at once; keep Parallelism² × BlockSizeMegabytes at most {SettingsLimits.MaxUploadBufferMegabytes}");
        }

        if (MaxRetries is < 0 or > 10)
        {
            problems.Add($"{prefix}:MaxRetries must be between 0 and 10, got {MaxRetries}");
        }

        _ = AllowedUploadTarget.ParseList(AllowedTargets, $"{prefix}:AllowedTargets", problems);
    }
}
