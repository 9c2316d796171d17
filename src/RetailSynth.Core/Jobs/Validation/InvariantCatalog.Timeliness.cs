using RetailSynth.Storage;

namespace RetailSynth.Jobs.Validation;

public static partial class InvariantCatalog
{
    /// <summary>§19.1: nothing is written ahead of time (P2, P4, P12); the outbox is keyed and dated consistently.</summary>
    private static IEnumerable<Invariant> Timeliness()
    {
        foreach (var table in DatasetTables.Facts)
        {
            yield return Error(1, $"event_ts.{Short(table)}",
                $"every {table} row has an event_ts before the end of the last committed day",
                $"SELECT count(*) FROM {table} WHERE NOT coalesce(event_ts < {WatermarkEnd}, false)");
        }

        const string outbox = DatasetTables.Outbox;
        yield return Error(1, "event_ts.outbox",
            "every outbox event belongs to a committed day",
            $"SELECT count(*) FROM {outbox} WHERE NOT coalesce(event_ts < {WatermarkEnd}, false)");
        yield return Error(1, "outbox.sim_day",
            "every outbox row's sim_day is the UTC date of its event_ts",
            $"SELECT count(*) FROM {outbox} WHERE sim_day IS DISTINCT FROM CAST(event_ts AS DATE)");
        yield return Error(1, "outbox.outbox_id_unique", "outbox_id is unique in the outbox", Duplicates(outbox, "outbox_id"));
        yield return Error(1, "outbox.event_id_unique", "event_id is unique in the outbox", Duplicates(outbox, "event_id"));
    }
}
