namespace RetailSynth.Engine.Simulation.World;

/// <summary>A fact row's node-local business date and hour (data-model §2.3).</summary>
public readonly record struct LocalLabel(DateOnly BusinessDate, short LocalHour);
