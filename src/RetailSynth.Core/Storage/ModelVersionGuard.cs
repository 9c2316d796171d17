namespace RetailSynth.Storage;

/// <summary>
/// Refuses to read a dataset written by another model version (data-model §17): its tables, columns and rules are not
/// the ones this build checks or measures. For every command that reads a dataset's facts (<c>validate</c>, <c>report</c>).
/// </summary>
public static class ModelVersionGuard
{
    /// <summary>
    /// The database's dataset record, or null when it holds no dataset yet; throws a <see cref="RefusedException"/>
    /// (<see cref="RefusalReason.OtherModelVersion"/>) naming both versions when the dataset is of another model version.
    /// </summary>
    public static DatasetRecord? RequireCurrentModelVersion(RetailDatabase database)
    {
        var stored = new DimensionStore(database).ReadState();
        if (stored is not null && stored.ModelVersion != DatasetIdentity.ModelVersion)
        {
            throw new RefusedException(
                RefusalReason.OtherModelVersion,
                $"The database '{database.Path}' holds a model version {stored.ModelVersion} dataset, but this build reads model version {DatasetIdentity.ModelVersion}",
                "; regenerate it with this build, or read it with the build that wrote it.");
        }

        return stored;
    }
}
