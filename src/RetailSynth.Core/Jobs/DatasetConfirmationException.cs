namespace RetailSynth.Jobs;

/// <summary>A dataset deletion whose confirmation is missing or is not the dataset's id: nothing was deleted.</summary>
public sealed class DatasetConfirmationException(string message) : RetailSynthException(message);
