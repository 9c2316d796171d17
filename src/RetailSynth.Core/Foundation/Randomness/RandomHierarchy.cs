using System.IO.Hashing;
using System.Text;

namespace RetailSynth.Foundation.Randomness;

/// <summary>
/// seed → component → day → scope (data-model §3.1): every stream is re-derived from its
/// name, so no random position is ever persisted and thread count never matters.
/// </summary>
public sealed class RandomHierarchy(long seed, int region = 0)
{
    public long Seed { get; } = seed;

    /// <summary>The region whose streams these are; region 0 keeps the one-region scopes (scale-out §2).</summary>
    public int Region { get; } = region;

    public RandomStream Stream(string component, DateOnly? day = null, string? scope = null)
    {
        if (Region > 0 && !RandomComponents.IsSharedByRegions(component))
        {
            scope = scope is null ? $"R{Region}" : $"R{Region}:{scope}";
        }

        var key = $"{Seed}|{component}|{(day is { } d ? d.ToString("yyyyMMdd") : "-")}|{scope ?? "-"}";
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key));
        return new RandomStream(hash);
    }
}
