using System.Net.Sockets;
using Azure;
using Azure.Identity;
using Azure.Messaging.EventHubs;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Connectors.EventHubs;

/// <summary>
/// Maps what the Event Hubs client throws to a <see cref="SinkFailure"/> (decisions.md, "Event Hubs and Kafka
/// sinks"). Messages name the endpoint and the cause, never a key: every text taken from an exception is
/// redacted by the target.
/// </summary>
internal static class EventHubsErrors
{
    private const string TroubleshootingHint = "For troubleshooting information";

    /// <summary>True when the service refused a batch as too large: the sink retries its events one by one and rejects a lone event.</summary>
    public static bool IsMessageSizeExceeded(Exception exception) =>
        Chain(exception).OfType<EventHubsException>().Any(e => e.Reason == EventHubsException.FailureReason.MessageSizeExceeded);

    public static SinkFailure Classify(Exception exception, EventHubsTarget target)
    {
        var at = $"Event Hubs at {target.Endpoint} (hub '{target.EventHubName}')";
        var chain = Chain(exception).ToList();

        if (chain.OfType<SocketException>().FirstOrDefault() is { } socket)
        {
            return Transient($"cannot reach Event Hubs at {target.Endpoint}: {Describe(socket.SocketErrorCode)}");
        }

        if (chain.OfType<UnauthorizedAccessException>().FirstOrDefault() is { } unauthorized)
        {
            return Configuration($"{at} refused access (check the key or the role assignment, e.g. 'Azure Event Hubs Data Sender'): {Text(unauthorized, target)}");
        }

        if (chain.OfType<AuthenticationFailedException>().FirstOrDefault() is { } authentication)
        {
            return Configuration($"could not obtain an Entra ID token for {at}: {Text(authentication, target)}");
        }

        if (chain.OfType<RequestFailedException>().FirstOrDefault(e => e.Status is 401 or 403) is { } forbidden)
        {
            return Configuration($"{at} refused access ({forbidden.Status}): {Text(forbidden, target)}");
        }

        if (chain.OfType<EventHubsException>().FirstOrDefault() is { } hubs)
        {
            var detail = Text(hubs, target);
            return hubs.Reason switch
            {
                EventHubsException.FailureReason.ResourceNotFound => Configuration($"{at}: the namespace or hub does not exist: {detail}"),
                EventHubsException.FailureReason.ServiceBusy => Transient($"{at} is throttling requests (server busy): {detail}"),
                EventHubsException.FailureReason.QuotaExceeded => Transient($"{at}: quota exceeded: {detail}"),
                EventHubsException.FailureReason.ServiceTimeout => Transient($"{at} did not answer in time: {detail}"),
                EventHubsException.FailureReason.ServiceCommunicationProblem => Transient($"cannot reach Event Hubs at {target.Endpoint}: {detail}"),
                _ => Transient($"{at}: {detail}"),
            };
        }

        if (chain.OfType<TimeoutException>().FirstOrDefault() is { } timeout)
        {
            return Transient($"{at} did not answer in time: {Text(timeout, target)}");
        }

        if (chain.OfType<IOException>().FirstOrDefault() is { } io)
        {
            return Transient($"cannot reach Event Hubs at {target.Endpoint}: {Text(io, target)}");
        }

        if (chain.OfType<OperationCanceledException>().FirstOrDefault() is not null)
        {
            return Transient($"{at} did not answer in time (the operation was cancelled by the client)");
        }

        if (chain.OfType<ArgumentException>().FirstOrDefault() is { } argument)
        {
            // e.g. Streaming:EventHubs:MaxBatchBytes above what the hub allows.
            return Configuration($"{at} rejected the client's settings: {Text(argument, target)}");
        }

        return Transient($"{at}: {exception.GetType().Name}: {Text(exception, target)}");
    }

    private static SinkFailure Transient(string message) => new(SinkFailureKind.Transient, message);

    private static SinkFailure Configuration(string message) => new(SinkFailureKind.Configuration, message);

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    private static string Text(Exception exception, EventHubsTarget target)
    {
        var message = exception.Message;
        var hint = message.IndexOf(TroubleshootingHint, StringComparison.Ordinal);
        if (hint > 0)
        {
            message = message[..hint];
        }

        return target.Redact(message.Trim());
    }

    internal static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.TimedOut => "connection timed out",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown => "network unreachable",
        SocketError.ConnectionReset or SocketError.ConnectionAborted => "connection reset",
        _ => $"socket error {error}",
    };
}
