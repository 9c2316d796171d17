using RetailSynth.Storage;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Jobs;

/// <summary>
/// <c>dataset delete</c> / DELETE /api/dataset: empties dimensions, facts, outbox, simulator state and the dataset
/// identity in one transaction, then removes the outbox body files. The caller must type the dataset id, so a
/// script cannot wipe a dataset it did not look at; a wrong id deletes nothing. Holds the writer gate for the whole
/// deletion, so no generation, stream or export of this process runs beside it.
/// </summary>
public sealed class DatasetDeletion(WriterGate gate)
{
    /// <summary>What was deleted.</summary>
    public sealed record Result(string DatasetId, long RowsDeleted);

    /// <summary>
    /// Deletes the dataset of <paramref name="databasePath"/> if <paramref name="confirm"/> is its id; otherwise throws
    /// <see cref="DatasetConfirmationException"/>. <see cref="RefusedException"/> while another job holds the gate.
    /// </summary>
    public Result Delete(string databasePath, string? confirm)
    {
        using var claim = gate.Enter(WriterKind.DatasetDelete);
        if (!File.Exists(databasePath))
        {
            throw new DatasetConfirmationException($"There is no database at '{Path.GetFullPath(databasePath)}'; there is nothing to delete.");
        }

        using var database = RetailDatabase.Open(databasePath);
        var store = new DimensionStore(database);
        var state = store.ReadState();
        if (state is null)
        {
            throw new DatasetConfirmationException($"The database '{database.Path}' holds no dataset; there is nothing to delete.");
        }

        if (!string.Equals(confirm?.Trim(), state.DatasetId, StringComparison.Ordinal))
        {
            throw new DatasetConfirmationException(
                string.IsNullOrWhiteSpace(confirm)
                    ? $"Type the dataset id {state.DatasetId} to confirm the deletion; nothing was deleted."
                    : $"'{Shorten(confirm)}' is not the id of the dataset in the database ({state.DatasetId}); nothing was deleted.");
        }

        var rows = store.DeleteDataset();

        // The outbox is empty now, so its body files belong to nothing (as after a forced dimension regeneration).
        OutboxBodyFiles.ForDatabase(database.Path).DeleteAll();
        return new Result(state.DatasetId, rows);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
