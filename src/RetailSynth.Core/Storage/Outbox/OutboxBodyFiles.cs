using System.Globalization;
using RetailSynth.Engine.Events;

namespace RetailSynth.Storage.Outbox;

/// <summary>
/// The stored envelopes of the outbox, one append-only file per simulated day beside the database
/// (<c>retail.duckdb.bodies/2024-01-08.bodies</c>); each outbox row references its body by byte range.
/// </summary>
/// <remarks>
/// Why not a column: DuckDB spends about 5 µs storing each ≈ 450-byte body, three times the rest of a day's write
/// (docs/decisions.md, "Outbox bodies in day files"). The guarantees of the stored-body design hold: a day's file is
/// written and fsynced before the transaction that commits the day's rows, so every committed row points at durable
/// bytes, and it is never changed afterwards, so every send transmits identical bytes. A day that is rolled back left
/// only a file no committed row references; it is rewritten from scratch when the day is simulated again (determinism
/// makes it identical) and swept once the day is committed without events.
/// </remarks>
internal sealed class OutboxBodyFiles(string directory)
{
    private const string Extension = ".bodies";

    public string Directory => directory;

    public static OutboxBodyFiles ForDatabase(string databasePath) => new(databasePath + ".bodies");

    public string PathOf(DateOnly day) => Path.Combine(directory, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + Extension);

    /// <summary>Starts (or restarts, discarding an uncommitted attempt) the body file of <paramref name="day"/>.</summary>
    public Writer StartDay(DateOnly day)
    {
        System.IO.Directory.CreateDirectory(directory);
        return new Writer(new FileStream(PathOf(day), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20));
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with the bytes of one day's file from <paramref name="offset"/>. A missing or short
    /// file means the outbox and its bodies were separated (a deleted or copied-alone database file): nothing can send
    /// those events, so the message says how to start over.
    /// </summary>
    public void Read(DateOnly day, long offset, Span<byte> destination)
    {
        var path = PathOf(day);
        var length = destination.Length;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var read = 0;
            while (read < length)
            {
                var n = RandomAccess.Read(handle, destination[read..], offset + read);
                if (n == 0)
                {
                    throw new RefusedException(
                        RefusalReason.BodyFileForeign,
                        $"The outbox body file '{path}' ends before byte {offset + length}: it does not belong to this database's outbox.",
                        " Clear the outbox to drop the undeliverable events.");
                }

                read += n;
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RefusedException(
                RefusalReason.BodyFileMissing,
                $"The outbox body file '{path}' is missing, so the pending events of {day:yyyy-MM-dd} cannot be sent.",
                " Clear the outbox to drop them.");
        }
    }

    /// <summary>The bytes of one day's file from <paramref name="offset"/>, <paramref name="length"/> long (see the overload).</summary>
    public byte[] Read(DateOnly day, long offset, int length)
    {
        var bytes = new byte[length];
        Read(day, offset, bytes);
        return bytes;
    }

    /// <summary>Deletes the files of days up to <paramref name="committedThrough"/> that no outbox row references any more.</summary>
    /// <remarks>Days after the watermark are left alone: the day writer may be writing one.</remarks>
    public int DeleteUnreferenced(DateOnly? committedThrough, IReadOnlySet<DateOnly> referenced) =>
        DeleteDays(day => committedThrough is { } through && day <= through && !referenced.Contains(day));

    /// <summary>
    /// Deletes the files of days after <paramref name="committedThrough"/> (every file when no day is committed): a
    /// stream that stopped gracefully rolled such a day back, so no row references its file. Only once no day writer runs.
    /// </summary>
    public int DeleteUncommitted(DateOnly? committedThrough) =>
        DeleteDays(day => committedThrough is not { } through || day > through);

    /// <summary>Deletes the day files whose day <paramref name="delete"/> picks (a file not named by a day stays); how many.</summary>
    private int DeleteDays(Func<DateOnly, bool> delete)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(path), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && delete(day))
            {
                File.Delete(path);
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>Deletes every day's file: only when the outbox itself is empty (dimensions regenerated, benchmarks).</summary>
    public void DeleteAll()
    {
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Appends one day's bodies; <see cref="Complete"/> makes them durable before the day commits.</summary>
    public sealed class Writer(FileStream file) : IBodyFile, IDisposable
    {
        public long Append(ReadOnlySpan<byte> body)
        {
            var offset = file.Position;
            file.Write(body);
            return offset;
        }

        public void Complete() => file.Flush(flushToDisk: true);

        public void Dispose() => file.Dispose();
    }
}
