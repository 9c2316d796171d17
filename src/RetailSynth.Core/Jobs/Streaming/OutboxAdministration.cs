using RetailSynth.Engine.Events;
using RetailSynth.Storage;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Relay;

namespace RetailSynth.Jobs.Streaming;

/// <summary>
/// The outbox as the hosts manage it (api.md §2): status, preview, dead letters, requeue and clear, beside the stream
/// session that may be sending from it (<paramref name="session"/>). Made for each call, with the session running then.
/// </summary>
/// <param name="settings">The database path and the configured sink (named in the status when no session runs).</param>
/// <param name="time">The clock the lag of realtime pacing is measured against.</param>
/// <param name="session">The running session, if any.</param>
/// <param name="readsOpenTheFileReadOnly">With no session, reads open the file read-only (the CLI's outbox commands); a server keeps its writer instance and must not.</param>
internal sealed class OutboxAdministration(RetailSynthSettings settings, TimeProvider time, StreamSession? session, bool readsOpenTheFileReadOnly)
{
    public OutboxStatus Status() => WithStore(readOnly: true, (store, session) =>
    {
        var counts = store.Counts();
        var leased = session?.Relay.Leased ?? 0;
        var pacing = session?.Pacer;
        var lag = pacing?.Mode == PacingMode.Realtime && counts.OldestPending is { } oldest ? (time.GetUtcNow().UtcDateTime - oldest).TotalSeconds : (double?)null;
        return new OutboxStatus(
            Pending: counts.Pending - leased,
            Leased: leased,
            Sent: counts.Sent,
            Dead: counts.Dead,
            OldestPendingEventTs: counts.OldestPending,
            NewestPendingEventTs: counts.NewestPending,
            LastCommittedDay: session?.LastCommittedDay ?? store.ReadWatermark(),
            DayBeingDrained: counts.OldestPendingDay,
            NextDayInMemory: session?.NextDayInMemory ?? false,
            BacklogEvents: counts.Pending,
            BacklogDays: counts.PendingDays,
            SendRatePerSecond: session?.Relay.SendRatePerSecond ?? 0,
            PacingState: session?.Relay.PacingState,
            LagSeconds: lag,
            HeadAttempts: counts.HeadAttempts,
            Sink: session?.Relay.Health ?? new SinkHealth(settings.Streaming.Sink.Label(), BreakerState.Closed, 0, null));
    });

    public IReadOnlyList<OutboxRow> Preview(OutboxRowStatus? status, bool newestFirst, int limit) =>
        WithStore(readOnly: true, (store, _) => store.Preview(status, newestFirst, limit));

    public long RequeueDead() => WithStore(readOnly: false, (store, session) =>
    {
        if (session is not null)
        {
            throw new RefusedException("Refused: a stream session is running; stop it, then requeue the dead events (they go out before the next day).");
        }

        var pending = store.CountPending();
        if (pending > 0)
        {
            throw new RefusedException($"Refused: a day is being drained ({pending:N0} events pending); requeue once it is delivered.");
        }

        return store.RequeueDead(EventTypes.All);
    });

    public long Clear() => WithStore(readOnly: false, (store, session) =>
    {
        if (session is not null)
        {
            throw new RefusedException("Refused: a stream session is running; stop it before clearing the outbox.");
        }

        return store.Clear();
    });

    /// <summary>
    /// Runs <paramref name="work"/> on a connection of its own: beside a session, another connection to the session's
    /// database (the session's are busy on other threads); with none, the file opened for this call alone.
    /// </summary>
    private T WithStore<T>(bool readOnly, Func<OutboxStore, StreamSession?, T> work)
    {
        if (session is not null)
        {
            using var connection = session.Database.OpenConnection();
            return work(OutboxStore.For(session.Database, connection), session);
        }

        using var database = readOnly && readsOpenTheFileReadOnly
            ? RetailDatabase.OpenReadOnly(settings.Storage.DatabasePath)
            : RetailDatabase.Open(settings.Storage.DatabasePath);
        return work(OutboxStore.For(database), null);
    }
}
