namespace RetailSynth.Engine.Events;

/// <summary>Where an event goes in the outbox: its id (streaming.md §3) and the simulated day that writes it.</summary>
internal readonly record struct EventSlot(long OutboxId, DateOnly SimDay);
