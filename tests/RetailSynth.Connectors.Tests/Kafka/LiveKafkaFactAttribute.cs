namespace RetailSynth.Connectors.Tests.Kafka;

/// <summary>A test against a real broker: runs only when RETAILSYNTH_TEST_KAFKA holds <c>bootstrap|topic</c> (plaintext).</summary>
public sealed class LiveKafkaFactAttribute : FactAttribute
{
    public const string Variable = "RETAILSYNTH_TEST_KAFKA";

    public LiveKafkaFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"set {Variable} to 'bootstrap|topic' (e.g. localhost:9092|retail-events) to run this live test";
        }
    }

    public static (string Bootstrap, string Topic) Target
    {
        get
        {
            var parts = (Environment.GetEnvironmentVariable(Variable) ?? "").Split('|', 2, StringSplitOptions.TrimEntries);
            return parts.Length == 2 ? (parts[0], parts[1]) : throw new InvalidOperationException($"{Variable} must be 'bootstrap|topic'");
        }
    }
}
