namespace RetailSynth.Configuration;

/// <summary>The <c>Server</c> section (api.md §5): loopback unless told otherwise; a key for any other bind.</summary>
public sealed class ServerOptions : ISettingsSection
{
    public const string DefaultUrls = "http://127.0.0.1:8000";

    public string Urls { get; set; } = DefaultUrls;

    [Secret]
    public string? ApiKey { get; set; }

    public void Validate(string prefix, List<string> problems)
    {
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                problems.Add($"{prefix}:Urls: '{url}' is not an http(s) URL");
            }
        }

        if (ApiKey is { Length: > 0 and < 16 })
        {
            problems.Add($"{prefix}:ApiKey must be at least 16 characters");
        }
    }
}
