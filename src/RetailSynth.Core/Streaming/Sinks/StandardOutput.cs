using Microsoft.Win32.SafeHandles;

namespace RetailSynth.Streaming.Sinks;

/// <summary>The process's standard output as a stream that reports a reader that went away.</summary>
public static class StandardOutput
{
    /// <summary>
    /// File descriptor 1 as a plain <see cref="FileStream"/>: a write into a pipe whose reader has exited throws
    /// (EPIPE), where <see cref="Console.OpenStandardOutput()"/> reports success and the stdout sink would count every
    /// event written into the closed pipe as delivered. Buffered: the sink flushes once per batch.
    /// </summary>
    public static Stream Open() => new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 64 * 1024);
}
