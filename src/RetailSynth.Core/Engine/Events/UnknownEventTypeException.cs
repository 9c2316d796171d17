
namespace RetailSynth.Engine.Events;

/// <summary>A name or value outside the 18 event types (E3): building, serialising, parsing or requeuing it fails.</summary>
internal sealed class UnknownEventTypeException(string message) : RetailSynthException(message);
