using RetailSynth.Storage;

namespace RetailSynth.Jobs.Report;

/// <summary>data-model §17: <c>report</c> refuses a database of another <c>model_version</c>, with one line naming both.</summary>
internal static class ModelVersionCheck
{
    public static void Require(int stored, string action)
    {
        if (stored != DatasetIdentity.ModelVersion)
        {
            throw new RetailSynthException(
                $"The database holds model v{stored} data and this build writes model v{DatasetIdentity.ModelVersion}; it cannot {action} it. Regenerate the dataset with this build.");
        }
    }
}
