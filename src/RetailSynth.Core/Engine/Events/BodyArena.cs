namespace RetailSynth.Engine.Events;

/// <summary>
/// Holds the envelopes of one hour of events in a few large chunks instead of one array per event: a day of a
/// `large` profile has over a million bodies, and as separate arrays they all outlive the young generation on their
/// way to the writer, which made garbage collection a quarter of the serialiser's time.
/// </summary>
/// <remarks>Append-only; nothing is reused, so the slices it hands out stay valid as long as anyone holds them.</remarks>
internal sealed class BodyArena
{
    private const int ChunkSize = 1 << 20;

    private byte[] _chunk = [];
    private int _used;

    public ReadOnlyMemory<byte> Copy(ReadOnlySpan<byte> body)
    {
        if (_chunk.Length - _used < body.Length)
        {
            _chunk = new byte[Math.Max(ChunkSize, body.Length)];
            _used = 0;
        }

        body.CopyTo(_chunk.AsSpan(_used));
        var slice = new ReadOnlyMemory<byte>(_chunk, _used, body.Length);
        _used += body.Length;
        return slice;
    }
}
