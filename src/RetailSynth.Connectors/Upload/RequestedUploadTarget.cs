using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Errors;

namespace RetailSynth.Connectors.Upload;

/// <summary>
/// Which upload targets an HTTP request may name. Whoever can reach the API must not be able to point the server's
/// credentials, or a copy of its data, at a host of their choosing, so a URL from a request must lie under
/// <c>Upload:Target</c> or match <c>Upload:AllowedTargets</c>; <c>&lt;container&gt;[/&lt;folder&gt;]</c> stays inside the
/// account of <c>Upload:ConnectionString</c> and is always allowed. The CLI's operator names any target.
/// </summary>
public static class RequestedUploadTarget
{
    /// <summary>Throws <see cref="RetailSynthException"/> (a message free of secrets) when the request may not use <paramref name="target"/>.</summary>
    public static void Check(string target, UploadOptions options)
    {
        var text = target.Trim();
        if (text.Contains("://", StringComparison.Ordinal)
            && Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && uri.Scheme is ("http" or "https")
            && uri.Host.Length > 0
            && !IsConfigured(UploadTarget.BlobEndpoint(uri), options))
        {
            throw new RetailSynthException(
                $"'{UploadTarget.Redact(text)}' is not an upload target of this server: a request may name <container>[/<folder>] with Upload:ConnectionString, " +
                "a URL under Upload:Target, or one matching Upload:AllowedTargets.");
        }

        UploadTarget.Check(text, options);
    }

    private static bool IsConfigured(Uri uri, UploadOptions options)
    {
        if (options.AllowList().Any(a => a.Matches(uri)))
        {
            return true;
        }

        return options.Target is { } configured
            && Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var configuredUri)
            && configuredUri.Scheme is ("http" or "https")
            && AllowedUploadTarget.Under(UploadTarget.BlobEndpoint(configuredUri)).Matches(uri);
    }
}
