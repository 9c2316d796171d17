using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace RetailSynth.Engine.Events;

/// <summary>
/// Event ids (events.md §3): name-based UUID v5 (SHA-1, RFC 9562) of <c>{dataset_id}|{event_type}|{row_key}</c>
/// under the RetailSynth namespace, lower-case and hyphenated. Equal inputs give equal ids on every retry and regeneration.
/// </summary>
internal static class TraceIds
{
    /// <summary>Length of the textual form, e.g. <c>bf8e4fac-5489-51e3-a8be-2f9464905c89</c>.</summary>
    public const int Length = 36;

    /// <summary>1cb06222-b35c-427d-80a8-7bfc0d0223c1 in network byte order, as hashed before the name.</summary>
    internal static ReadOnlySpan<byte> Namespace =>
        [0x1c, 0xb0, 0x62, 0x22, 0xb3, 0x5c, 0x42, 0x7d, 0x80, 0xa8, 0x7b, 0xfc, 0x0d, 0x02, 0x23, 0xc1];

    /// <summary>The id of one event; <paramref name="eventType"/> must be one of the 18 names.</summary>
    public static string Compute(string datasetId, string eventType, string rowKey)
    {
        EventTypes.Parse(eventType);
        var name = $"{datasetId}|{eventType}|{rowKey}";
        var length = Namespace.Length + Encoding.UTF8.GetByteCount(name);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Namespace.CopyTo(rented);
            Encoding.UTF8.GetBytes(name, rented.AsSpan(Namespace.Length));
            Span<byte> id = stackalloc byte[Length];
            Compute(rented.AsSpan(0, length), id);
            return Encoding.ASCII.GetString(id);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Hot path: <paramref name="namespaceAndName"/> is the namespace bytes followed by the UTF-8 name.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "UUID v5 is defined on SHA-1 (RFC 9562); ids are not a security boundary.")]
    internal static void Compute(ReadOnlySpan<byte> namespaceAndName, Span<byte> destination, Sha1Digest? sha1 = null)
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        if (sha1 is null)
        {
            SHA1.HashData(namespaceAndName, hash);
        }
        else
        {
            sha1.Hash(namespaceAndName, hash);
        }

        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        Format(hash[..16], destination);
    }

    private static void Format(ReadOnlySpan<byte> uuid, Span<byte> destination)
    {
        ReadOnlySpan<byte> hex = "0123456789abcdef"u8;
        var d = 0;
        for (var i = 0; i < 16; i++)
        {
            if (i is 4 or 6 or 8 or 10)
            {
                destination[d++] = (byte)'-';
            }

            destination[d++] = hex[uuid[i] >> 4];
            destination[d++] = hex[uuid[i] & 0xF];
        }
    }
}
