namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// <c>Streaming:Kafka</c>. For the Event Hubs Kafka endpoint: BootstrapServers <c>NAMESPACE.servicebus.windows.net:9093</c>,
/// SecurityProtocol SaslSsl, SaslMechanism Plain, SaslUsername <c>$ConnectionString</c>, SaslPassword = the connection string.
/// </summary>
public sealed class KafkaSinkOptions : ISettingsSection
{
    public string? BootstrapServers { get; set; }
    public string? Topic { get; set; }

    /// <summary>plaintext, ssl, sasl_plaintext or sasl_ssl (Confluent names).</summary>
    public string SecurityProtocol { get; set; } = "plaintext";

    /// <summary>PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER; used with a SASL protocol.</summary>
    public string? SaslMechanism { get; set; }

    public string? SaslUsername { get; set; }

    [Secret]
    public string? SaslPassword { get; set; }

    /// <summary>How long the producer keeps trying one message before the relay sees a transient failure.</summary>
    public TimeSpan MessageTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public void Validate(string prefix, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            problems.Add($"{prefix}:BootstrapServers is required (host:port[,host:port])");
        }

        if (string.IsNullOrWhiteSpace(Topic))
        {
            problems.Add($"{prefix}:Topic is required");
        }

        string[] protocols = ["plaintext", "ssl", "sasl_plaintext", "sasl_ssl"];
        if (!protocols.Contains(SecurityProtocol, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{prefix}:SecurityProtocol must be one of {string.Join(", ", protocols)}, got '{SecurityProtocol}'");
        }

        string[] mechanisms = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER"];
        if (SaslMechanism is not null && !mechanisms.Contains(SaslMechanism, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{prefix}:SaslMechanism must be one of {string.Join(", ", mechanisms)}, got '{SaslMechanism}'");
        }

        if (MessageTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{prefix}:MessageTimeout must be a positive duration, got {MessageTimeout}");
        }
    }
}
