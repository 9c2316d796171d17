namespace RetailSynth.Foundation.Configuration;

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
        else if (hasConnectionString)
        {
            // The hub comes from the connection string's EntityPath or from EventHubName: exactly one source, or both agreeing.
            var entityPath = EntityPathOf(ConnectionString!);
            if (entityPath is null && string.IsNullOrWhiteSpace(EventHubName))
            {
                problems.Add($"{prefix}:EventHubName is required: the connection string has no EntityPath, so it does not say which hub to send to");
            }
            else if (entityPath is not null && !string.IsNullOrWhiteSpace(EventHubName) && !string.Equals(entityPath, EventHubName, StringComparison.Ordinal))
            {
                problems.Add($"{prefix}:EventHubName ('{EventHubName}') differs from the hub the connection string's EntityPath names ('{entityPath}'); set only one");
            }
        }

        if (MaxBatchBytes is <= 0)
        {
            problems.Add($"{prefix}:MaxBatchBytes must be > 0, got {MaxBatchBytes}");
        }
    }

    /// <summary>The connection string's non-empty <c>EntityPath</c>, or null; call only on a well-formed value.</summary>
    private static string? EntityPathOf(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .LastOrDefault(p => p[0].Equals("EntityPath", StringComparison.OrdinalIgnoreCase))?[1] is { Length: > 0 } path
            ? path
            : null;

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
