namespace RetailSynth.Storage.Outbox;

public enum OutboxRowStatus
{
    Pending,
    Leased,
    Sent,
    Dead,
}
