using System.Diagnostics;
using Azure.Storage.Blobs.Models;

namespace RetailSynth.Connectors.Upload;

/// <summary>The shared state of one <see cref="UploadJob"/> run: results by file, byte counters and throttled progress.</summary>
public sealed partial class UploadJob
{
    private sealed class Run
    {
        private readonly IProgress<UploadProgress>? _progress;
        private readonly Stopwatch _clock;
        private readonly UploadedFile?[] _results;
        private readonly Lock _report = new();
        private long _bytesSent;
        private long _bytesToSend;
        private int _filesDone;
        private long _lastReportTicks;

        public Run(
            UploadRequest request,
            UploadTarget target,
            string source,
            IReadOnlyList<(string RelativePath, long Bytes)> files,
            Dictionary<string, BlobItemProperties> remote,
            IProgress<UploadProgress>? progress,
            Stopwatch clock)
        {
            Request = request;
            Target = target;
            Source = source;
            Remote = remote;
            _progress = progress;
            _clock = clock;
            _results = new UploadedFile?[files.Count];

            // Files whose blob is missing or differs in size will be sent; same-size files are added once their hash differs.
            _bytesToSend = files
                .Where(f => request.Force || remote.GetValueOrDefault(target.BlobName(f.RelativePath))?.ContentLength != f.Bytes)
                .Sum(f => f.Bytes);
        }

        public UploadRequest Request { get; }

        public UploadTarget Target { get; }

        public string Source { get; }

        public Dictionary<string, BlobItemProperties> Remote { get; }

        public IReadOnlyList<UploadedFile> Results => [.. _results.Select(r => r!)];

        public void AddToSend(long bytes) => Interlocked.Add(ref _bytesToSend, bytes);

        public void Sent(long bytes)
        {
            Interlocked.Add(ref _bytesSent, bytes);
            var now = _clock.Elapsed.Ticks;
            var last = Interlocked.Read(ref _lastReportTicks);
            if (now - last >= s_reportInterval.Ticks && Interlocked.CompareExchange(ref _lastReportTicks, now, last) == last)
            {
                Report(null);
            }
        }

        public void Finish(int index, UploadedFile file)
        {
            _results[index] = file;
            Interlocked.Increment(ref _filesDone);
            Report(file);
        }

        private void Report(UploadedFile? file)
        {
            if (_progress is null)
            {
                return;
            }

            lock (_report)
            {
                _progress.Report(new UploadProgress(
                    Volatile.Read(ref _filesDone), _results.Length, Interlocked.Read(ref _bytesSent), Interlocked.Read(ref _bytesToSend), _clock.Elapsed, file));
            }
        }
    }
}
