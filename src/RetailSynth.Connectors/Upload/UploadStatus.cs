namespace RetailSynth.Connectors.Upload;

/// <summary>What happened to one local file.</summary>
public enum UploadStatus
{
    /// <summary>Sent: the blob did not exist, differed in size or MD5, or the upload was forced.</summary>
    Uploaded,

    /// <summary>The blob already has the same size and MD5.</summary>
    Skipped,

    /// <summary>The upload failed after the SDK's retries; a re-run sends it again.</summary>
    Failed,
}
