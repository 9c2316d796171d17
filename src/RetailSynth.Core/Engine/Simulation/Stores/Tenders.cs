
namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>Tender mix, decline odds and processing times of data-model §10.6.</summary>
internal static class Tenders
{
    public const string Cash = TenderTypes.Cash;
    public const string Credit = TenderTypes.Credit;
    public const string Debit = TenderTypes.Debit;
    public const string Mobile = TenderTypes.Mobile;
    public const string PayPal = TenderTypes.PayPal;
    public const string Other = TenderTypes.Other;

    public const string Approved = PaymentStatuses.Approved;
    public const string Declined = PaymentStatuses.Declined;
    public const string Refunded = PaymentStatuses.Refunded;

    public static readonly IReadOnlyList<string> StoreTenders = [Credit, Debit, Cash, Mobile];
    public static ReadOnlySpan<double> StoreWeights => [0.40, 0.30, 0.20, 0.10];

    public static IReadOnlyList<string> DeclineReasons => Domain.DeclineReasons.All;

    public static double DeclineProbability(string tender) => 0.025 * tender switch
    {
        Credit => 1.0,
        Debit => 0.8,
        Cash => 0.0,
        Mobile => 1.2,
        PayPal => 1.1,
        _ => 0.5,
    };

    public static int ProcessingMs(RandomStream stream, string tender) => tender switch
    {
        Cash => stream.UniformInt(500, 2000),
        Credit => stream.UniformInt(1500, 4000),
        Debit => stream.UniformInt(1200, 3500),
        Mobile => stream.UniformInt(800, 2500),
        PayPal => stream.UniformInt(2000, 5000),
        _ => stream.UniformInt(1000, 3000),
    };
}
