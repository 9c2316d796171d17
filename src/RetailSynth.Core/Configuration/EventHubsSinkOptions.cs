namespace RetailSynth.Configuration;

/// <summary>
/// <c>Streaming:EventHubs</c>: a connection string (with <c>EntityPath</c> or <see cref="EventHubName"/>), or a
/// namespace + hub authenticated with <c>DefaultAzureCredential</c>.
/// </summary>
public sealed class EventHubsSinkOptions : ISettingsSection
{
    public const int DefaultMaxEventsPerSecond = 1_000;

    [Secret]
    public string? ConnectionString { get; set; }

    /// <summary>e.g. <c>mynamespace.servicebus.windows.net</c>; used with Entra ID when there is no connection string.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    public string? EventHubName { get; set; }

    /// <summary>Per-batch size limit in bytes; null means the hub's own limit (1 MB on most tiers).</summary>
    public long? MaxBatchBytes { get; set; }

    public void Validate(string prefix, List<string> problems)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (!hasConnectionString && string.IsNullOrWhiteSpace(FullyQualifiedNamespace))
        {
            problems.Add($"{prefix}: set ConnectionString, or FullyQualifiedNamespace and EventHubName (Entra ID)");
        }

        if (!hasConnectionString && !string.IsNullOrWhiteSpace(FullyQualifiedNamespace) && string.IsNullOrWhiteSpace(EventHubName))
        {
            problems.Add($"{prefix}:EventHubName is required with FullyQualifiedNamespace");
        }

        if (hasConnectionString && !LooksLikeConnectionString(ConnectionString!))
        {
            // Never echo the value: it holds a key.
            problems.Add($"{prefix}:ConnectionString is malformed (expected 'Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…[;EntityPath=…]')");
        }

        if (MaxBatchBytes is <= 0)
        {
            problems.Add($"{prefix}:MaxBatchBytes must be > 0, got {MaxBatchBytes}");
        }
    }

    private static bool LooksLikeConnectionString(string value)
    {
        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToList();
        if (parts.Any(p => p.Length != 2))
        {
            return false;
        }

        var keys = parts.Select(p => p[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var endpoint = parts.FirstOrDefault(p => p[0].Equals("Endpoint", StringComparison.OrdinalIgnoreCase))?[1];
        return endpoint is not null && Uri.TryCreate(endpoint, UriKind.Absolute, out _)
            && (keys.Contains("SharedAccessKeyName") && keys.Contains("SharedAccessKey") || keys.Contains("SharedAccessSignature"));
    }
}
