namespace RetailSynth.Connectors.Upload;

/// <summary>
/// Passes the SDK's per-file byte counts on synchronously (<see cref="Progress{T}"/> would post them to the thread pool,
/// out of order).
/// </summary>
internal sealed class BytesProgress(Action<long> report) : IProgress<long>
{
    public void Report(long value) => report(value);
}
