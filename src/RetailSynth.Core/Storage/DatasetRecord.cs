namespace RetailSynth.Storage;

/// <summary>The single <c>sim_state</c> row (data-model §17): which dataset the file holds and its watermark.</summary>
public sealed record DatasetRecord(
    string DatasetId,
    long Seed,
    string ConfigFingerprint,
    int ModelVersion,
    string Profile,
    DateOnly StartDate,
    DateOnly? LastCommittedDay,
    int StateVersion);
