namespace RetailSynth.Foundation.Configuration;

/// <summary><c>Streaming:File</c>: where the NDJSON files go (one per simulated day).</summary>
public sealed class FileSinkOptions : ISettingsSection
{
    public const string DefaultDirectory = "data/events";

    public string Directory { get; set; } = DefaultDirectory;

    public void Validate(string prefix, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(Directory))
        {
            problems.Add($"{prefix}:Directory must not be empty");
        }
    }
}
