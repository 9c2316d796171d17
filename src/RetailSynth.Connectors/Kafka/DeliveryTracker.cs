using Confluent.Kafka;

namespace RetailSynth.Connectors.Kafka;

/// <summary>
/// Collects the outcome of each message of one batch: a delivery report (from librdkafka's thread), a
/// synchronous produce error, or "never produced". Completes when every message has an outcome.
/// </summary>
internal sealed class DeliveryTracker
{
    private readonly Error?[] _errors;
    private readonly bool[] _attempted;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining;

    public DeliveryTracker(int count)
    {
        _errors = new Error?[count];
        _attempted = new bool[count];
        _remaining = count;
        if (count == 0)
        {
            _completion.SetResult();
        }
    }

    public Task Completion => _completion.Task;

    /// <summary>The producer's outcome for message <paramref name="index"/>: <see cref="ErrorCode.NoError"/> when delivered.</summary>
    public void Report(int index, Error error)
    {
        _errors[index] = error;
        _attempted[index] = true;
        Done(1);
    }

    /// <summary>Messages from <paramref name="index"/> on were not produced (an earlier one failed).</summary>
    public void SkipFrom(int index) => Done(_errors.Length - index);

    public bool WasAttempted(int index) => _attempted[index];

    public Error? ErrorOf(int index) => _errors[index];

    private void Done(int count)
    {
        if (count > 0 && Interlocked.Add(ref _remaining, -count) == 0)
        {
            _completion.TrySetResult();
        }
    }
}
