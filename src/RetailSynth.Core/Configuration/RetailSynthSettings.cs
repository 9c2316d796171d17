namespace RetailSynth.Configuration;

/// <summary>The whole validated configuration, as loaded once at start-up.</summary>
public sealed record RetailSynthSettings(
    SimulationOptions Simulation,
    PerformanceOptions Performance,
    StorageOptions Storage);
