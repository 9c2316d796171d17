namespace RetailSynth.Engine.Simulation.State;

/// <summary>sim_campaigns: an active campaign (§14.1).</summary>
public sealed record Campaign(string CampaignId, string CampaignType, DateOnly StartDay, DateOnly EndDay, int DailyImpressions, IReadOnlyList<string> Channels);

/// <summary>sim_pending_conversions: an impression that will convert (§14.3); nothing about it is written before it happens.</summary>
public sealed record PendingConversion(
    string JourneyId, string ImpressionIdExt, string CampaignId, long CustomerId, string Target, long? StoreId, DateTime DueTs, DateTime ExpiresTs)
{
    public const string Store = "STORE";
    public const string Online = "ONLINE";
}
