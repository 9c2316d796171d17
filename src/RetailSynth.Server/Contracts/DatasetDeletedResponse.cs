namespace RetailSynth.Server.Contracts;

/// <summary>DELETE /api/dataset: which dataset is gone and how many rows it had.</summary>
internal sealed record DatasetDeletedResponse(string DatasetId, long RowsDeleted);
