namespace RetailSynth.Cli;

/// <summary>
/// A failure in the CLI's words: the core says what is in the way, the CLI names the command or flag that gets past it
/// and its own spelling of the request fields (<c>--days</c>, <c>--to</c>).
/// </summary>
internal sealed class RefusalWording : HostRefusalWording
{
    public static readonly RefusalWording Instance = new();

    protected override string? FieldName(RequestField field) => field switch
    {
        RequestField.Days => "--days",
        RequestField.EndDate => "--to",
        RequestField.From => "--from",
        RequestField.To => "--to",
        _ => null,
    };

    protected override string? WayOut(RefusalReason reason) => reason switch
    {
        RefusalReason.NoDimensions => "; run `retailsynth generate dimensions` first.",
        RefusalReason.DimensionsOfOtherDataset => "; use another --database, or --force to replace it and every fact.",
        RefusalReason.DatasetMismatch => ": use the settings the database was created with, or another --database.",
        RefusalReason.FactsExist => ". Use --force to delete facts, outbox and simulator state together.",
        RefusalReason.OutboxPending => ". Stream them first, or run `retailsynth outbox clear` to discard them (their facts stay).",
        RefusalReason.DatabaseInUse => "; stop that process (for example a running `retailsynth serve`) or choose another file with --database.",
        RefusalReason.BodyFileForeign => " Run `retailsynth outbox clear` to drop the undeliverable events.",
        RefusalReason.BodyFileMissing => " Run `retailsynth outbox clear` to drop them.",
        RefusalReason.OtherModelVersion => "; regenerate it with `retailsynth generate dimensions --force`, or use the build that wrote it.",
        RefusalReason.RegionRequired => "; choose one with --region.",
        RefusalReason.CatalogIsReadOnly => "; what writes runs one region at a time (`generate facts --region R`, `stream --region R`).",
        _ => null,
    };
}
