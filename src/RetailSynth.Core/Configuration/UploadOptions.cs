namespace RetailSynth.Configuration;

/// <summary>
/// The <c>Upload</c> section: where exports land in Azure Blob Storage, ADLS Gen2 or OneLake (through the blob
/// endpoint). Authentication: <see cref="ConnectionString"/>, a SAS URL as target, or Entra ID (DefaultAzureCredential).
/// </summary>
public sealed class UploadOptions : ISettingsSection
{
    /// <summary>Default target: a container URL (optionally with a SAS query and a folder prefix).</summary>
    [Secret]
    public string? Target { get; set; }

    [Secret]
    public string? ConnectionString { get; set; }

    /// <summary>Parallel file uploads.</summary>
    public int Parallelism { get; set; } = 4;

    public void Validate(string prefix, List<string> problems)
    {
        if (Parallelism is < 1 or > 64)
        {
            problems.Add($"{prefix}:Parallelism must be between 1 and 64, got {Parallelism}");
        }
    }
}
