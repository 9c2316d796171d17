
namespace RetailSynth.Engine.Simulation.World;

/// <summary>Merch groups as indexes in the order of data-model §3.4 (and of the §10.2 share tables).</summary>
internal static class MerchGroup
{
    public const int Food = 0;
    public const int Beverages = 1;
    public const int Household = 2;
    public const int PersonalCare = 3;
    public const int Electronics = 4;
    public const int Clothing = 5;
    public const int HomeGarden = 6;
    public const int Other = 7;
    public const int Count = 8;

    public static int IndexOf(string name)
    {
        for (var i = 0; i < MerchGroups.All.Count; i++)
        {
            if (MerchGroups.All[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown merch group.");
    }
}
