using RetailSynth.Foundation.Errors;

namespace RetailSynth.Cli;

/// <summary>A refusal in the CLI's words: the core says what is in the way, the CLI names the command or flag that gets past it.</summary>
internal static class RefusalWording
{
    public static string Describe(RetailSynthException failure) => failure is RefusedException refused && WayOut(refused.Reason) is { } wayOut
        ? refused.Situation + wayOut
        : failure.Message;

    private static string? WayOut(RefusalReason reason) => reason switch
    {
        RefusalReason.NoDimensions => "; run `retailsynth generate dimensions` first.",
        RefusalReason.DimensionsOfOtherDataset => "; use another --database, or --force to replace it and every fact.",
        RefusalReason.DatasetMismatch => ": use the settings the database was created with, or another --database.",
        RefusalReason.FactsExist => ". Use --force to delete facts, outbox and simulator state together.",
        RefusalReason.OutboxPending => ". Stream them first, or run `retailsynth outbox clear` to discard them (their facts stay).",
        RefusalReason.OtherModelVersion => "; regenerate it with `retailsynth generate dimensions --force`, or use the build that wrote it.",
        _ => null,
    };
}
