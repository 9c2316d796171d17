using System.IO.Hashing;
using System.Text;

namespace RetailSynth.Foundation.Randomness;

/// <summary>
/// seed → component → day → scope (data-model §3.1): every stream is re-derived from its
/// name, so no random position is ever persisted and thread count never matters.
/// </summary>
public sealed class RandomHierarchy(long seed)
{
    public long Seed { get; } = seed;

    public RandomStream Stream(string component, DateOnly? day = null, string? scope = null)
    {
        var key = $"{Seed}|{component}|{(day is { } d ? d.ToString("yyyyMMdd") : "-")}|{scope ?? "-"}";
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key));
        return new RandomStream(hash);
    }
}
