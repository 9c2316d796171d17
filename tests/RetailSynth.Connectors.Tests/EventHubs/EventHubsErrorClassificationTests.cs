using System.Net.Sockets;
using Azure;
using Azure.Identity;
using Azure.Messaging.EventHubs;
using RetailSynth.Connectors.EventHubs;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Streaming.Sinks;
using Reason = Azure.Messaging.EventHubs.EventHubsException.FailureReason;

namespace RetailSynth.Connectors.Tests.EventHubs;

public sealed class EventHubsErrorClassificationTests
{
    private const string Secret = "dG9wLXNlY3JldC1rZXk=";

    private static readonly EventHubsTarget s_target = EventHubsTarget.FromOptions(new EventHubsSinkOptions
    {
        ConnectionString = $"Endpoint=sb://myns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={Secret};EntityPath=orders",
    });

    public static TheoryData<string, Exception, SinkFailureKind> Cases => new()
    {
        { "server busy", new EventHubsException(true, "orders", "busy", Reason.ServiceBusy), SinkFailureKind.Transient },
        { "service timeout", new EventHubsException(true, "orders", "slow", Reason.ServiceTimeout), SinkFailureKind.Transient },
        { "communication problem", new EventHubsException(true, "orders", "link lost", Reason.ServiceCommunicationProblem), SinkFailureKind.Transient },
        { "quota exceeded", new EventHubsException(false, "orders", "quota", Reason.QuotaExceeded), SinkFailureKind.Transient },
        { "general error", new EventHubsException(false, "orders", "odd", Reason.GeneralError), SinkFailureKind.Transient },
        { "socket refused", new SocketException((int)SocketError.ConnectionRefused), SinkFailureKind.Transient },
        { "socket inside an Event Hubs error", new EventHubsException(true, "orders", "x", Reason.ServiceCommunicationProblem, new SocketException((int)SocketError.HostNotFound)), SinkFailureKind.Transient },
        { "timeout", new TimeoutException("no answer"), SinkFailureKind.Transient },
        { "I/O", new IOException("pipe broken"), SinkFailureKind.Transient },
        { "client-side cancellation", new TaskCanceledException(), SinkFailureKind.Transient },
        { "unknown", new InvalidOperationException("what"), SinkFailureKind.Transient },
        { "hub missing", new EventHubsException(false, "orders", "not found", Reason.ResourceNotFound), SinkFailureKind.Configuration },
        { "unauthorized", new UnauthorizedAccessException("Unauthorized access. 'Send' claim(s) are required"), SinkFailureKind.Configuration },
        { "Entra ID token", new AuthenticationFailedException("no credential"), SinkFailureKind.Configuration },
        { "credential unavailable", new CredentialUnavailableException("nothing configured"), SinkFailureKind.Configuration },
        { "HTTP 401", new RequestFailedException(401, "unauthorized"), SinkFailureKind.Configuration },
        { "batch limit above the hub's", new ArgumentOutOfRangeException("options", "MaximumSizeInBytes too large"), SinkFailureKind.Configuration },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Errors_are_classified_as_in_the_decision_table(string name, Exception exception, SinkFailureKind expected)
    {
        var failure = EventHubsErrors.Classify(exception, s_target);

        Assert.True(expected == failure.Kind, $"{name}: expected {expected}, got {failure.Kind} ({failure.Message})");
        Assert.DoesNotContain(Secret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_connection_names_the_endpoint_and_the_cause()
    {
        var failure = EventHubsErrors.Classify(new EventHubsException(true, "orders", "x", Reason.ServiceCommunicationProblem, new SocketException((int)SocketError.ConnectionRefused)), s_target);

        Assert.Equal("cannot reach Event Hubs at myns.servicebus.windows.net:5671: connection refused", failure.Message);
    }

    [Fact]
    public void A_secret_quoted_by_an_exception_is_redacted()
    {
        var failure = EventHubsErrors.Classify(new InvalidOperationException($"bad key {Secret} in use"), s_target);

        Assert.DoesNotContain(Secret, failure.Message, StringComparison.Ordinal);
        Assert.Contains("bad key *** in use", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_size_error_counts_as_message_size_exceeded()
    {
        Assert.True(EventHubsErrors.IsMessageSizeExceeded(new EventHubsException(false, "orders", "big", Reason.MessageSizeExceeded)));
        Assert.False(EventHubsErrors.IsMessageSizeExceeded(new EventHubsException(true, "orders", "busy", Reason.ServiceBusy)));
    }

    [Fact]
    public void Malformed_or_incomplete_options_are_refused_without_echoing_the_connection_string()
    {
        var malformed = Assert.Throws<ArgumentException>(() => EventHubsTarget.FromOptions(new EventHubsSinkOptions { ConnectionString = $"garbage{Secret}" }));
        Assert.DoesNotContain(Secret, malformed.Message, StringComparison.Ordinal);

        var noHub = Assert.Throws<ArgumentException>(() => EventHubsTarget.FromOptions(new EventHubsSinkOptions
        {
            ConnectionString = $"Endpoint=sb://myns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={Secret}",
        }));
        Assert.Contains("EventHubName", noHub.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, noHub.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_namespace_and_hub_use_entra_id_on_the_amqps_port()
    {
        var target = EventHubsTarget.FromOptions(new EventHubsSinkOptions { FullyQualifiedNamespace = "myns.servicebus.windows.net", EventHubName = "orders" });

        Assert.Null(target.ConnectionString);
        Assert.Equal("myns.servicebus.windows.net:5671", target.Endpoint);
        Assert.Equal("orders", target.EventHubName);
    }
}
