namespace RetailSynth.Engine.Events;

/// <summary>An append-only file that takes event bodies as they are serialised (streaming: the day's outbox body file).</summary>
internal interface IBodyFile
{
    /// <summary>Appends a body and returns its offset in the file.</summary>
    long Append(ReadOnlySpan<byte> body);
}
