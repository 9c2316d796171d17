namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>Store promo codes of data-model §10.3.</summary>
internal static class StorePromotions
{
    public sealed record Code(string Name, bool Bogo, int Percent, long MinGrossCents, int[]? Months, int[]? Groups);

    private static readonly int[] s_clothingElectronicsHome = [World.MerchGroup.Clothing, World.MerchGroup.Electronics, World.MerchGroup.HomeGarden];
    private static readonly int[] s_clothingElectronics = [World.MerchGroup.Clothing, World.MerchGroup.Electronics];

    public static readonly IReadOnlyList<Code> All =
    [
        new("SAVE10", false, 10, 0, null, null),
        new("SAVE15", false, 15, 2_500, null, null),
        new("SAVE20", false, 20, 5_000, null, null),
        new("SAVE25", false, 25, 7_500, null, null),
        new("BOGO50", true, 50, 0, null, null),
        new("CLEARANCE30", false, 30, 0, null, s_clothingElectronicsHome),
        new("CLEARANCE50", false, 50, 0, [1, 2, 7, 8], s_clothingElectronics),
        new("BFRIDAY30", false, 30, 0, [11], null),
        new("BFRIDAY40", false, 40, 10_000, [11], null),
        new("SUMMER25", false, 25, 0, [6, 7, 8], null),
        new("BACKTOSCHOOL", false, 20, 0, [8, 9], s_clothingElectronics),
        new("HOLIDAY20", false, 20, 0, [12], null),
        new("NEWYEAR15", false, 15, 0, [1, 2], null),
    ];

    public static bool LineEligible(Code code, int group, int quantity) =>
        code.Bogo ? quantity >= 2 : code.Groups is null || Array.IndexOf(code.Groups, group) >= 0;

    public static bool ValidInMonth(Code code, int month) => code.Months is null || Array.IndexOf(code.Months, month) >= 0;
}
