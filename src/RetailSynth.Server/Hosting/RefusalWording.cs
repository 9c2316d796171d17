using System.Text.Json;
using RetailSynth.Foundation.Errors;

namespace RetailSynth.Server.Hosting;

/// <summary>
/// A failure in the API's words: the core says what is in the way, the server names the field or route that gets past
/// it and the JSON names of the request fields (<c>days</c>, <c>end_date</c>).
/// </summary>
public sealed class RefusalWording : HostRefusalWording
{
    public static readonly RefusalWording Instance = new();

    /// <summary>The request's JSON name: the field in snake_case (<c>end_date</c>), as every contract is serialized.</summary>
    protected override string? FieldName(RequestField field) => JsonNamingPolicy.SnakeCaseLower.ConvertName(field.ToString());

    protected override string? WayOut(RefusalReason reason) => reason switch
    {
        RefusalReason.NoDimensions => "; generate them first (POST /api/generate/dimensions).",
        RefusalReason.DimensionsOfOtherDataset => "; use another database file, or send \"force\": true to replace it and every fact.",
        RefusalReason.FactsExist => ". Send \"force\": true to delete facts, outbox and simulator state together.",
        RefusalReason.OutboxPending => ". Stream them first (POST /api/stream/start), or clear the outbox (DELETE /api/stream/outbox) to discard them (their facts stay).",
        RefusalReason.DatabaseInUse => "; stop that process or start the server on another database file.",
        RefusalReason.BodyFileForeign => " Clear the outbox (DELETE /api/stream/outbox) to drop the undeliverable events.",
        RefusalReason.BodyFileMissing => " Clear the outbox (DELETE /api/stream/outbox) to drop them.",
        _ => null,
    };
}
