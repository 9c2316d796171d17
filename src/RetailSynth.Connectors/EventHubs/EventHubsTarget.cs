using Azure.Identity;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;
using RetailSynth.Foundation.Configuration;

namespace RetailSynth.Connectors.EventHubs;

/// <summary>
/// Where an <see cref="EventHubsSink"/> sends: the namespace host and AMQP port for messages, the hub, and the
/// secrets that must never appear in a message (the connection string and its key or signature).
/// </summary>
internal sealed class EventHubsTarget
{
    /// <summary>AMQP over TLS, the SDK's default transport.</summary>
    private const int AmqpsPort = 5671;

    /// <summary>Plain AMQP, used by the local emulator (<c>UseDevelopmentEmulator=true</c>).</summary>
    private const int AmqpPort = 5672;

    private readonly string[] _secrets;

    private EventHubsTarget(string host, int port, string eventHubName, string? connectionString, string[] secrets)
    {
        Host = host;
        Port = port;
        EventHubName = eventHubName;
        ConnectionString = connectionString;
        _secrets = secrets;
    }

    public string Host { get; }

    public int Port { get; }

    public string EventHubName { get; }

    /// <summary>Null when the sink authenticates with Entra ID (<c>DefaultAzureCredential</c>).</summary>
    public string? ConnectionString { get; }

    /// <summary><c>host:port</c>, safe to show.</summary>
    public string Endpoint => $"{Host}:{Port}";

    /// <summary>Reads the options; a problem is reported without echoing the connection string.</summary>
    public static EventHubsTarget FromOptions(EventHubsSinkOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            EventHubsConnectionStringProperties properties;
            try
            {
                properties = EventHubsConnectionStringProperties.Parse(options.ConnectionString);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                throw new ArgumentException("Streaming:EventHubs:ConnectionString is malformed (expected 'Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…[;EntityPath=…]')");
            }

            var hub = properties.EventHubName;
            if (string.IsNullOrWhiteSpace(hub))
            {
                hub = options.EventHubName;
            }
            else if (!string.IsNullOrWhiteSpace(options.EventHubName) && !string.Equals(hub, options.EventHubName, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Streaming:EventHubs: the connection string's EntityPath names hub '{hub}' but EventHubName is '{options.EventHubName}'; set only one");
            }

            if (string.IsNullOrWhiteSpace(hub))
            {
                throw new ArgumentException("Streaming:EventHubs: the connection string has no EntityPath; set EventHubName");
            }

            var endpoint = properties.Endpoint;
            var port = endpoint.Port > 0 ? endpoint.Port : UsesEmulator(options.ConnectionString) ? AmqpPort : AmqpsPort;
            string[] secrets = [options.ConnectionString, properties.SharedAccessKey ?? "", properties.SharedAccessSignature ?? ""];
            return new EventHubsTarget(endpoint.Host, port, hub, options.ConnectionString, secrets.Where(s => s.Length > 0).ToArray());
        }

        if (string.IsNullOrWhiteSpace(options.FullyQualifiedNamespace) || string.IsNullOrWhiteSpace(options.EventHubName))
        {
            throw new ArgumentException("Streaming:EventHubs: set ConnectionString, or FullyQualifiedNamespace and EventHubName (Entra ID)");
        }

        var host = options.FullyQualifiedNamespace.Trim();
        if (Uri.TryCreate(host, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
        {
            host = uri.Host;
        }

        return new EventHubsTarget(host, AmqpsPort, options.EventHubName, null, []);
    }

    private static bool UsesEmulator(string connectionString) =>
        string.Equals(ConnectionStringKeys.Find(connectionString, "UseDevelopmentEmulator"), "true", StringComparison.OrdinalIgnoreCase);

    public EventHubProducerClient CreateClient(EventHubProducerClientOptions clientOptions) =>
        ConnectionString is null
            ? new EventHubProducerClient(Host, EventHubName, new DefaultAzureCredential(), clientOptions)
            : EventHubsConnectionStringProperties.Parse(ConnectionString).EventHubName is { Length: > 0 }
                ? new EventHubProducerClient(ConnectionString, clientOptions)
                : new EventHubProducerClient(ConnectionString, EventHubName, clientOptions);

    /// <summary>Replaces every secret in <paramref name="text"/> (from an exception, say) by <c>***</c>.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
