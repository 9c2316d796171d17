using RetailSynth.Foundation.Errors;

namespace RetailSynth.Server.Hosting;

/// <summary>A refusal in the API's words: the core says what is in the way, the server names the field or route that gets past it.</summary>
public static class RefusalWording
{
    public static string Describe(RefusedException refused) => WayOut(refused.Reason) is { } wayOut ? refused.Situation + wayOut : refused.Message;

    private static string? WayOut(RefusalReason reason) => reason switch
    {
        RefusalReason.NoDimensions => "; generate them first (POST /api/generate/dimensions).",
        RefusalReason.DimensionsOfOtherDataset => "; use another database file, or send \"force\": true to replace it and every fact.",
        RefusalReason.FactsExist => ". Send \"force\": true to delete facts, outbox and simulator state together.",
        RefusalReason.OutboxPending => ". Stream them first (POST /api/stream/start), or clear the outbox (DELETE /api/stream/outbox) to discard them (their facts stay).",
        _ => null,
    };
}
