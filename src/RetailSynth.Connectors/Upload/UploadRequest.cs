using System.Text;
using RetailSynth.Foundation.Configuration;

namespace RetailSynth.Connectors.Upload;

/// <summary>
/// What to upload where. <paramref name="Target"/> is a container URL (with an optional folder prefix after the
/// container and an optional SAS query) or, with <paramref name="ConnectionString"/>, <c>container[/folder]</c>.
/// <paramref name="SingleStream"/> sends one file at a time in one request stream (the baseline for throughput);
/// <paramref name="Force"/> uploads files even when the remote copy matches; <paramref name="AllowedTargets"/> are the
/// endpoints besides Azure Storage and OneLake that may receive the account key or an Entra ID token.
/// </summary>
public sealed record UploadRequest(
    string SourceFolder,
    string Target,
    string? ConnectionString = null,
    bool CreateContainer = false,
    int Parallelism = 4,
    int BlockSizeMegabytes = 8,
    int MaxRetries = 3,
    bool SingleStream = false,
    bool Force = false,
    IReadOnlyList<AllowedUploadTarget>? AllowedTargets = null)
{
    /// <summary>A request from the <c>Upload</c> settings; <paramref name="target"/> overrides Upload:Target.</summary>
    public static UploadRequest FromOptions(UploadOptions options, string sourceFolder, string? target, bool createContainer = false, bool singleStream = false, bool force = false) => new(
        sourceFolder,
        target ?? options.Target ?? string.Empty,
        options.ConnectionString,
        createContainer,
        options.Parallelism,
        options.BlockSizeMegabytes,
        options.MaxRetries,
        singleStream,
        force,
        options.AllowList());

    /// <summary>Keeps the target (it may carry a SAS signature) and the connection string out of ToString.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"SourceFolder = {SourceFolder}, Target = (not shown), ConnectionString = {(ConnectionString is null ? "null" : "(not shown)")}, ");
        builder.Append($"CreateContainer = {CreateContainer}, Parallelism = {Parallelism}, BlockSizeMegabytes = {BlockSizeMegabytes}, ");
        builder.Append($"MaxRetries = {MaxRetries}, SingleStream = {SingleStream}, Force = {Force}, ");
        builder.Append($"AllowedTargets = [{string.Join("; ", (AllowedTargets ?? []).Select(a => a.Text))}]");
        return true;
    }
}
