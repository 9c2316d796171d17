namespace RetailSynth.Connectors.Tests.EventHubs;

/// <summary>A test against a real Event Hub: runs only when RETAILSYNTH_TEST_EVENTHUBS holds a connection string (with EntityPath).</summary>
public sealed class LiveEventHubsFactAttribute : FactAttribute
{
    public const string Variable = "RETAILSYNTH_TEST_EVENTHUBS";

    public LiveEventHubsFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"set {Variable} to an Event Hubs connection string (with EntityPath) to run this live test";
        }
    }

    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) ?? "";
}
