namespace RetailSynth.Foundation.Errors;

/// <summary>Why a request was refused, so that each host can name its own way out (a CLI flag, an HTTP field or route).</summary>
public enum RefusalReason
{
    /// <summary>Another writer, a running session: the message says it all.</summary>
    Conflict,
    NoDimensions,
    DatasetMismatch,

    /// <summary>Dimensions of another dataset: regenerating them may be forced, replacing every fact.</summary>
    DimensionsOfOtherDataset,
    FactsExist,
    OutboxPending,

    /// <summary>Another process holds the database file's lock.</summary>
    DatabaseInUse,

    /// <summary>An outbox body file is shorter than its rows say: it belongs to another outbox; clearing the outbox drops the events.</summary>
    BodyFileForeign,

    /// <summary>An outbox body file is gone: its pending events cannot be sent; clearing the outbox drops them.</summary>
    BodyFileMissing,

    /// <summary>A dataset of another model version (data-model §17): only regenerating it, or the build that wrote it, reads it.</summary>
    OtherModelVersion,

    /// <summary>Regions × DistributionCenters asks for more hubs than the geography dictionary places 400 mi apart (scale-out §1).</summary>
    TooManyHubs,

    /// <summary>A job that writes one file, asked of a dataset of several regions without naming the region (scale-out §4).</summary>
    RegionRequired,

    /// <summary>The configured file is the dataset catalog of a multi-region dataset: it is only read, never written (scale-out §3).</summary>
    CatalogIsReadOnly,
}
