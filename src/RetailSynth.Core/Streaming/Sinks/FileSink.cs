using System.Globalization;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Streaming.Sinks;

/// <summary>
/// NDJSON, one file per simulated day (<c>events-YYYY-MM-DD.ndjson</c>); each batch is written and fsynced once
/// before it is reported delivered (streaming.md §6). A kill in the middle of a write can leave a torn last line:
/// it is cut off when the file is reopened, since its batch was never acknowledged and will be sent again.
/// </summary>
public sealed class FileSink(string directory) : IEventSink
{
    public const long BatchByteLimit = 8L * 1024 * 1024;

    private static readonly byte[] s_newLine = "\n"u8.ToArray();

    private FileStream? _file;
    private DateOnly _fileDay;

    public string Name => "file";

    public long MaxBatchBytes => BatchByteLimit;

    public string Directory => directory;

    public static string FileName(DateOnly day) => $"events-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.ndjson";

    public Task<SendReport> SendAsync(IReadOnlyList<OutboundEvent> batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var file = FileFor(batch[i].SimDay);
                file.Write(batch[i].Body.Span);
                file.Write(s_newLine);
                if (i + 1 == batch.Count || batch[i + 1].SimDay != _fileDay)
                {
                    file.Flush(flushToDisk: true);
                }
            }

            return Task.FromResult(SendReport.AllDelivered(batch.Count));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CloseFile();
            return Task.FromResult(SendReport.Failed(batch.Count, new SinkFailure(SinkFailureKind.Transient, $"cannot write to '{directory}': {ex.Message}")));
        }
    }

    /// <summary>
    /// The folder exists (or can be created) and takes a file: a probe file is created, written, flushed and deleted.
    /// Folders the probe had to create are removed again, so a test leaves nothing behind.
    /// </summary>
    public Task<SinkProbe> ProbeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var created = FirstMissingFolder(Path.GetFullPath(directory));
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            var probe = ScratchName.ProbeIn(directory);
            using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                file.Write(s_newLine);
                file.Flush(flushToDisk: true);
            }

            return Task.FromResult(SinkProbe.Ok);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var cause = ex is UnauthorizedAccessException ? "permission denied" : ex.Message;
            return Task.FromResult(SinkProbe.Failed(SinkFailureKind.Configuration, $"cannot write to '{directory}': {cause}"));
        }
        finally
        {
            if (created is not null)
            {
                RemoveEmptyFolders(Path.GetFullPath(directory), created);
            }
        }
    }

    /// <summary>
    /// Removes the folders from <paramref name="deepest"/> up to <paramref name="outermost"/> while they are empty: never
    /// recursively, since a session may have started writing into them meanwhile.
    /// </summary>
    private static void RemoveEmptyFolders(string deepest, string outermost)
    {
        for (var current = deepest; current is not null && current.Length >= outermost.Length; current = Path.GetDirectoryName(current))
        {
            try
            {
                System.IO.Directory.Delete(current, recursive: false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return; // not empty, or gone: leave it
            }
        }
    }

    /// <summary>The outermost folder of <paramref name="path"/> that does not exist yet, if any.</summary>
    private static string? FirstMissingFolder(string path)
    {
        string? missing = null;
        for (var current = path; current is not null && !System.IO.Directory.Exists(current) && !File.Exists(current); current = Path.GetDirectoryName(current))
        {
            missing = current;
        }

        return missing;
    }

    public ValueTask DisposeAsync()
    {
        CloseFile();
        return ValueTask.CompletedTask;
    }

    private FileStream FileFor(DateOnly day)
    {
        if (_file is not null && _fileDay == day)
        {
            return _file;
        }

        CloseFile();
        System.IO.Directory.CreateDirectory(directory);
        var file = new FileStream(Path.Combine(directory, FileName(day)), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 20);
        CutTornLine(file);
        file.Seek(0, SeekOrigin.End);
        _file = file;
        _fileDay = day;
        return file;
    }

    /// <summary>Truncates the file after its last newline.</summary>
    private static void CutTornLine(FileStream file)
    {
        var length = file.Length;
        if (length == 0)
        {
            return;
        }

        var buffer = new byte[64 * 1024];
        var end = length;
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            file.Seek(start, SeekOrigin.Begin);
            var count = (int)(end - start);
            file.ReadExactly(buffer, 0, count);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (newline >= 0)
            {
                if (start + newline + 1 < length)
                {
                    file.SetLength(start + newline + 1);
                }

                return;
            }

            end = start;
        }

        file.SetLength(0);
    }

    private void CloseFile()
    {
        _file?.Dispose();
        _file = null;
    }
}
