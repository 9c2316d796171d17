namespace RetailSynth.Engine.Events;

/// <summary>Where an event's body was written in its day's outbox body file.</summary>
public readonly record struct BodyLocation(long Offset, int Length);
