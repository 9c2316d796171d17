namespace RetailSynth.Foundation.Configuration;

/// <summary>The whole validated configuration, as loaded once at start-up.</summary>
public sealed record RetailSynthSettings(
    SimulationOptions Simulation,
    PerformanceOptions Performance,
    StorageOptions Storage,
    StreamingOptions Streaming,
    ServerOptions Server,
    UploadOptions Upload)
{
    /// <summary>The sections bound by <see cref="SectionBinder"/>, by name.</summary>
    public IEnumerable<(string Name, ISettingsSection Section)> PlainSections =>
        [("Streaming", Streaming), ("Server", Server), ("Upload", Upload)];
}
