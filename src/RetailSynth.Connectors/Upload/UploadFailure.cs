using Azure;
using Azure.Identity;

namespace RetailSynth.Connectors.Upload;

/// <summary>
/// Turns what the Azure SDK throws into one readable sentence. The SDK's own messages are never passed on whole: they
/// quote request URLs and headers, and the sentence must not carry a key or a SAS signature.
/// </summary>
internal static class UploadFailure
{
    public static bool IsKnown(Exception exception) => exception is RequestFailedException or AggregateException or AuthenticationFailedException
        or CredentialUnavailableException or HttpRequestException or TimeoutException || exception is TaskCanceledException { InnerException: TimeoutException };

    /// <summary>A sentence for <paramref name="exception"/>, for the target shown as <paramref name="destination"/>.</summary>
    public static string Describe(Exception exception, string destination, string authentication)
    {
        switch (exception)
        {
            case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                // The retry policy gave up: it throws every attempt's failure; the last one says the most.
                var last = aggregate.InnerExceptions[^1];
                return $"{Describe(last, destination, authentication)} (gave up after {aggregate.InnerExceptions.Count} attempts)";
            case CredentialUnavailableException:
                return $"Authentication failed: no Entra ID credential is available for {destination} (sign in with `az login`, use a managed identity or AZURE_* variables), or use a SAS URL or Upload:ConnectionString.";
            case AuthenticationFailedException:
                return $"Authentication failed: Entra ID could not issue a token for {destination}; check the signed-in identity and its access to the storage.";
            case RequestFailedException { Status: 0 } request:
                return Unreachable(destination, request.InnerException);
            case RequestFailedException request:
                return Status(request, destination, authentication);
            case HttpRequestException or TimeoutException or TaskCanceledException:
                return Unreachable(destination, exception);
            default:
                return $"{exception.GetType().Name}: {exception.Message.Split('\n')[0].Trim()}";
        }
    }

    private static string Status(RequestFailedException request, string destination, string authentication)
    {
        var code = request.ErrorCode ?? string.Empty;
        return (request.Status, code) switch
        {
            (404, "ContainerNotFound") or (404, "FilesystemNotFound") =>
                $"The container of {destination} does not exist; create it or rerun with --create-container.",
            (403, _) when code.StartsWith("Authentication", StringComparison.Ordinal) || code.Length == 0 || (code == "AuthorizationFailure" && authentication != "Entra ID") =>
                $"Authentication failed for {destination} ({authentication}, {Code(code, 403)}): check the account key, connection string or SAS signature and expiry.",
            (403, _) =>
                $"Permission denied on {destination} ({authentication}, {Code(code, 403)}): the identity or SAS needs read, list, write and create rights on the container.",
            (401, _) =>
                $"Authentication failed for {destination} ({authentication}, {Code(code, 401)}).",
            (400, "InvalidResourceName") =>
                $"The storage service rejected a name in {destination} as invalid (InvalidResourceName).",
            (409, "ContainerBeingDeleted") =>
                $"The container of {destination} is being deleted; wait a moment and rerun.",
            _ when request.Status >= 500 || request.Status is 408 or 429 =>
                $"The storage service kept failing for {destination} (HTTP {request.Status}, {Code(code, request.Status)}) after its retries; rerun later, finished files are skipped.",
            _ => $"The storage service refused a request for {destination} (HTTP {request.Status}, {Code(code, request.Status)}).",
        };
    }

    private static string Unreachable(string destination, Exception? cause)
    {
        var reason = Innermost(cause)?.Message.Split('\n')[0].Trim().TrimEnd('.');
        return $"Cannot reach {destination}{(string.IsNullOrEmpty(reason) ? string.Empty : $" ({reason})")}; check the URL and the network, then rerun (finished files are skipped).";
    }

    private static Exception? Innermost(Exception? exception)
    {
        while (exception?.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static string Code(string code, int status) => code.Length == 0 ? $"HTTP {status}" : code;
}
