using Confluent.Kafka;

namespace RetailSynth.Connectors.Tests.Kafka;

/// <summary>
/// A Kafka producer without a broker: records every produced message and answers each with the error code
/// <see cref="Outcome"/> chooses, from another thread (as librdkafka does). <see cref="ThrowOnProduce"/> makes
/// <c>Produce</c> itself throw, as librdkafka's local checks do.
/// </summary>
internal sealed class FakeKafkaProducer : IProducer<byte[], byte[]>
{
    private readonly Lock _gate = new();
    private readonly List<(string Topic, Message<byte[], byte[]> Message)> _produced = [];

    /// <summary>The delivery outcome of the n-th (0-based) produced message.</summary>
    public Func<int, Message<byte[], byte[]>, ErrorCode> Outcome { get; set; } = (_, _) => ErrorCode.NoError;

    /// <summary>An error code makes Produce throw for the n-th call instead of queueing.</summary>
    public Func<int, ErrorCode?> ThrowOnProduce { get; set; } = _ => null;

    /// <summary>False: delivery reports never arrive (a producer stuck waiting for a broker).</summary>
    public bool Reports { get; set; } = true;

    public bool Disposed { get; private set; }

    public IReadOnlyList<(string Topic, Message<byte[], byte[]> Message)> Produced
    {
        get
        {
            lock (_gate)
            {
                return _produced.ToList();
            }
        }
    }

    public Handle Handle => throw new NotSupportedException();

    public string Name => "fake";

    public void Produce(string topic, Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>>? deliveryHandler = null)
    {
        int call;
        lock (_gate)
        {
            call = _produced.Count;
            if (ThrowOnProduce(call) is { } thrown)
            {
                _produced.Add((topic, message));
                throw new ProduceException<byte[], byte[]>(new Error(thrown, $"local {thrown}"), new DeliveryResult<byte[], byte[]> { Message = message, Topic = topic });
            }

            _produced.Add((topic, message));
        }

        var code = Outcome(call, message);
        if (!Reports || deliveryHandler is null)
        {
            return;
        }

        var report = new DeliveryReport<byte[], byte[]>
        {
            Error = new Error(code, code == ErrorCode.NoError ? "Success" : $"broker says {code}"),
            Message = message,
            Topic = topic,
            Status = code == ErrorCode.NoError ? PersistenceStatus.Persisted : PersistenceStatus.NotPersisted,
        };
        ThreadPool.QueueUserWorkItem(_ => deliveryHandler(report));
    }

    public void Produce(TopicPartition topicPartition, Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>>? deliveryHandler = null) =>
        Produce(topicPartition.Topic, message, deliveryHandler);

    public Task<DeliveryResult<byte[], byte[]>> ProduceAsync(string topic, Message<byte[], byte[]> message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DeliveryResult<byte[], byte[]>> ProduceAsync(TopicPartition topicPartition, Message<byte[], byte[]> message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public int Poll(TimeSpan timeout) => 0;

    public int Flush(TimeSpan timeout) => 0;

    public void Flush(CancellationToken cancellationToken = default)
    {
    }

    public void InitTransactions(TimeSpan timeout) => throw new NotSupportedException();

    public void BeginTransaction() => throw new NotSupportedException();

    public void CommitTransaction(TimeSpan timeout) => throw new NotSupportedException();

    public void CommitTransaction() => throw new NotSupportedException();

    public void AbortTransaction(TimeSpan timeout) => throw new NotSupportedException();

    public void AbortTransaction() => throw new NotSupportedException();

    public void SendOffsetsToTransaction(IEnumerable<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata, TimeSpan timeout) => throw new NotSupportedException();

    public int AddBrokers(string brokers) => 0;

    public void SetSaslCredentials(string username, string password)
    {
    }

    public void Dispose() => Disposed = true;
}
