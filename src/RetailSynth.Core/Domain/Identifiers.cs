namespace RetailSynth.Domain;

/// <summary>Identifier formats of data-model §3.3: deterministic, unique by construction, padded to at least the shown width.</summary>
internal static class Identifiers
{
    public static string StoreNumber(long storeId) => $"S{storeId:000000}";

    public static string DcNumber(long dcId) => $"DC{dcId:000}";

    /// <summary><c>R{dc:000}-{k:00}</c>: the k-th route of a DC (§13.1).</summary>
    public static string RouteId(long dcId, int k) => $"R{dcId:000}-{k:00}";

    public static string LoyaltyCard(long customerId) => $"LC{customerId:000000000}";

    public static string BleId(long customerId, long offset) => "BLE" + Base36(customerId, offset, 6);

    public static string AdId(long customerId, long offset) => "AD" + Base36(customerId, offset, 8);

    /// <summary>(id × 2654435761 + offset) mod 36^width in upper-case base 36; the multiplier is coprime with 36.</summary>
    private static string Base36(long id, long offset, int width)
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        UInt128 modulus = 1;
        for (var i = 0; i < width; i++)
        {
            modulus *= 36;
        }

        var n = (((UInt128)(ulong)id * 2654435761UL) + (ulong)offset) % modulus;
        Span<char> chars = stackalloc char[width];
        for (var i = width - 1; i >= 0; i--)
        {
            chars[i] = digits[(int)(n % 36)];
            n /= 36;
        }

        return new string(chars);
    }
}
