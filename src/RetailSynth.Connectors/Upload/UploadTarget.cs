using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Errors;

namespace RetailSynth.Connectors.Upload;

/// <summary>
/// A parsed upload target: the container client (with its credential) and the blob name prefix. One code path serves
/// a plain storage account, ADLS Gen2 (its blob endpoint; a dfs URL is mapped to it) and OneLake
/// (<c>https://onelake.blob.fabric.microsoft.com/&lt;workspace&gt;/&lt;lakehouse&gt;.Lakehouse/Files/&lt;folder&gt;</c>: the workspace is
/// the container, the rest the prefix). <see cref="Display"/> never holds a key or a SAS signature.
/// </summary>
public sealed partial class UploadTarget
{
    private UploadTarget(BlobContainerClient container, string prefix, string display, string authentication)
    {
        Container = container;
        Prefix = prefix;
        Display = display;
        Authentication = authentication;
    }

    public BlobContainerClient Container { get; }

    /// <summary>Blob name prefix without leading or trailing '/', empty for the container root.</summary>
    public string Prefix { get; }

    /// <summary>Container URL and prefix, without a query: safe to log and show.</summary>
    public string Display { get; }

    /// <summary>"connection string", "SAS" or "Entra ID": for messages.</summary>
    public string Authentication { get; }

    public string BlobName(string relativePath) => Prefix.Length == 0 ? relativePath : $"{Prefix}/{relativePath}";

    /// <summary>
    /// Parses <paramref name="target"/>: an http(s) URL (SAS when its query has a signature; otherwise the account key of
    /// <paramref name="connectionString"/> if given, else DefaultAzureCredential), or <c>container[/folder]</c> with a
    /// connection string. Credentials from settings (the account key, an Entra ID token) only go to a URL on an
    /// <see cref="AzureStorageHosts"/> host or one matching <paramref name="allowedTargets"/>; a SAS goes where its own
    /// URL says. Throws <see cref="RetailSynthException"/> with a message free of secrets, before any request.
    /// </summary>
    public static UploadTarget Parse(
        string target, string? connectionString, BlobClientOptions options, Func<TokenCredential>? credential = null, IReadOnlyList<AllowedUploadTarget>? allowedTargets = null)
    {
        target = target.Trim();
        if (target.Length == 0)
        {
            throw new RetailSynthException(
                "No upload target: give one (https://<account>.blob.core.windows.net/<container>[/<folder>]) or set Upload:Target.");
        }

        var looksLikeUrl = target.Contains("://", StringComparison.Ordinal);
        if (!looksLikeUrl)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new RetailSynthException(
                    $"The upload target '{Redact(target)}' is not a URL; give https://<account>.blob.core.windows.net/<container>[/<folder>], or set Upload:ConnectionString to name just <container>[/<folder>].")
                : FromConnectionString(target, connectionString, options);
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            throw new RetailSynthException(
                $"The upload target '{Redact(target)}' is not a valid http(s) URL; expected https://<account>.blob.core.windows.net/<container>[/<folder>].");
        }

        var builder = new BlobUriBuilder(BlobEndpoint(uri));
        if (string.IsNullOrEmpty(builder.BlobContainerName))
        {
            throw new RetailSynthException($"The upload target '{Redact(target)}' names no container; expected {uri.Scheme}://{uri.Authority}/<container>[/<folder>].");
        }

        var prefix = (builder.BlobName ?? string.Empty).Trim('/');
        var sas = builder.Sas?.Signature is { Length: > 0 } ? builder.Sas.ToString() : (HasSignature(uri.Query) ? uri.Query.TrimStart('?') : null);
        builder.BlobName = string.Empty;
        builder.Sas = null;
        builder.Query = string.Empty;
        var containerUri = builder.ToUri();
        var display = Join(containerUri.ToString(), prefix);

        if (sas is not null)
        {
            return new UploadTarget(new BlobContainerClient(containerUri, new AzureSasCredential(sas), options), prefix, display, "SAS");
        }

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var key = SharedKey(connectionString)
                ?? throw new RetailSynthException(
                    "With a URL target, Upload:ConnectionString must hold AccountName and AccountKey; otherwise name just <container>[/<folder>] as the target.");
            RefuseForeignHost(containerUri, "requests signed with the account key of Upload:ConnectionString", allowedTargets);
            return new UploadTarget(new BlobContainerClient(containerUri, key, options), prefix, display, "account key");
        }

        if (uri.Scheme != "https")
        {
            throw new RetailSynthException(
                $"Entra ID sign-in needs an https target, got '{display}'; use https, a SAS URL or Upload:ConnectionString.");
        }

        RefuseForeignHost(containerUri, "an Entra ID token", allowedTargets);
        var token = credential?.Invoke() ?? new DefaultAzureCredential();
        return new UploadTarget(new BlobContainerClient(containerUri, token, options), prefix, display, "Entra ID");
    }

    /// <summary>Checks a target without contacting the service (so an export can refuse a bad one before it starts).</summary>
    public static void Check(string target, UploadOptions options) =>
        _ = Parse(target, options.ConnectionString, new BlobClientOptions(), () => new EnvironmentCredential(), options.AllowList());

    /// <summary>A credential from settings leaves only for Azure Storage, OneLake or an endpoint the operator listed.</summary>
    private static void RefuseForeignHost(Uri containerUri, string credential, IReadOnlyList<AllowedUploadTarget>? allowedTargets)
    {
        if (AzureStorageHosts.Contains(containerUri.IdnHost) || (allowedTargets ?? []).Any(a => a.Matches(containerUri)))
        {
            return;
        }

        throw new RetailSynthException(
            $"Refusing to send {credential} to {containerUri.Authority}: it is not an Azure Storage or OneLake endpoint ({AzureStorageHosts.Described}); " +
            "if it is yours (Azurite, a private endpoint), add it to Upload:AllowedTargets.");
    }

    private static UploadTarget FromConnectionString(string target, string connectionString, BlobClientOptions options)
    {
        var slash = target.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? target : target[..slash];
        var prefix = slash < 0 ? string.Empty : target[(slash + 1)..].Trim('/');
        if (!ContainerName().IsMatch(container))
        {
            throw new RetailSynthException(
                $"'{container}' is not a valid container name: 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.");
        }

        BlobServiceClient service;
        try
        {
            service = new BlobServiceClient(connectionString, options);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's message may quote the value: it is not passed on.
            throw new RetailSynthException("Upload:ConnectionString is not a valid storage connection string (or its AccountKey is not base64).", ex);
        }

        var client = service.GetBlobContainerClient(container);
        return new UploadTarget(client, prefix, Join(client.Uri.ToString(), prefix), "connection string");
    }

    /// <summary>An ADLS Gen2 / OneLake dfs URL points at the same data as the blob endpoint, which this code speaks.</summary>
    internal static Uri BlobEndpoint(Uri uri)
    {
        if (!uri.Host.Contains(".dfs.", StringComparison.OrdinalIgnoreCase))
        {
            return uri;
        }

        var builder = new UriBuilder(uri) { Host = uri.Host.Replace(".dfs.", ".blob.", StringComparison.OrdinalIgnoreCase) };
        return builder.Uri;
    }

    private static StorageSharedKeyCredential? SharedKey(string connectionString)
    {
        if (ConnectionStringKeys.Find(connectionString, "AccountName") is not { } name
            || ConnectionStringKeys.Find(connectionString, "AccountKey") is not { } key)
        {
            return null;
        }

        try
        {
            _ = Convert.FromBase64String(key);
        }
        catch (FormatException ex)
        {
            throw new RetailSynthException("Upload:ConnectionString has an AccountKey that is not base64.", ex);
        }

        return new StorageSharedKeyCredential(name, key);
    }

    private static bool HasSignature(string query) =>
        query.TrimStart('?').Split('&').Any(p => p.StartsWith("sig=", StringComparison.OrdinalIgnoreCase));

    private static string Join(string containerUrl, string prefix) => prefix.Length == 0 ? containerUrl.TrimEnd('/') : $"{containerUrl.TrimEnd('/')}/{prefix}";

    /// <summary>The target without its query (a SAS signature is a secret) for messages.</summary>
    public static string Redact(string target)
    {
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? target : $"{target[..query]}?…";
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();
}
