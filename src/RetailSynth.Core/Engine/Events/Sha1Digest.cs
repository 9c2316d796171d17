using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace RetailSynth.Engine.Events;

/// <summary>
/// SHA-1 of short inputs (trace-id names, ≈ 90 bytes), one instance per thread. Where OpenSSL's libcrypto is
/// loadable (Linux, where .NET itself hashes through it) it calls the low-level <c>SHA1_Init/Update/Final</c> with
/// the context on the stack: ≈ 87 ns per 90-byte name against ≈ 335 ns for a reused <see cref="IncrementalHash"/>,
/// whose every call goes through OpenSSL's EVP layer and error-queue clearing (docs/decisions.md, "Trace ids through
/// OpenSSL's low-level SHA-1"). Elsewhere, or if the library's answer ever differs from .NET's at load, it falls
/// back to a reused <see cref="IncrementalHash"/> (released with the instance): the digest is the same either way.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "UUID v5 is defined on SHA-1 (RFC 9562); ids are not a security boundary.")]
internal sealed unsafe class Sha1Digest
{
    /// <summary><c>sizeof(SHA_CTX)</c> is 96 bytes in OpenSSL 1.1 and 3; the context gets more, in case.</summary>
    private const int ContextBytes = 256;

    private static readonly LowLevelSha1? s_openSsl = LowLevelSha1.TryLoad();

    private readonly LowLevelSha1? _openSsl;
    private readonly IncrementalHash? _fallback;

    public Sha1Digest()
        : this(preferOpenSsl: true)
    {
    }

    /// <summary>With <paramref name="preferOpenSsl"/> false, always the fallback (for tests that compare the two).</summary>
    internal Sha1Digest(bool preferOpenSsl)
    {
        _openSsl = preferOpenSsl ? s_openSsl : null;
        _fallback = _openSsl is null ? IncrementalHash.CreateHash(HashAlgorithmName.SHA1) : null;
    }

    /// <summary>True when digests come from libcrypto's low-level functions, not <see cref="IncrementalHash"/>.</summary>
    public static bool UsesOpenSsl => s_openSsl is not null;

    /// <summary>Writes the 20-byte SHA-1 of <paramref name="data"/> to <paramref name="destination"/>.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (_openSsl is null)
        {
            _fallback!.AppendData(data);
            _fallback.GetHashAndReset(destination);
            return;
        }

        if (destination.Length < SHA1.HashSizeInBytes)
        {
            throw new ArgumentException($"A SHA-1 digest needs {SHA1.HashSizeInBytes} bytes.", nameof(destination));
        }

        var context = stackalloc byte[ContextBytes];
        _openSsl.Hash(context, data, destination);
    }

    /// <summary>libcrypto's <c>SHA1_Init</c>, <c>SHA1_Update</c> and <c>SHA1_Final</c>, resolved once.</summary>
    private sealed class LowLevelSha1
    {
        private readonly delegate* unmanaged[SuppressGCTransition]<byte*, int> _init;
        private readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int> _update;
        private readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int> _final;

        private LowLevelSha1(nint init, nint update, nint final)
        {
            _init = (delegate* unmanaged[SuppressGCTransition]<byte*, int>)init;
            _update = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int>)update;
            _final = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int>)final;
        }

        /// <summary>
        /// The context is the caller's (on its stack). SuppressGCTransition is safe: the three calls are short,
        /// never block and never call back into .NET.
        /// </summary>
        public void Hash(byte* context, ReadOnlySpan<byte> data, Span<byte> destination)
        {
            fixed (byte* input = data)
            fixed (byte* output = destination)
            {
                if (_init(context) != 1 || _update(context, input, (nuint)data.Length) != 1 || _final(output, context) != 1)
                {
                    throw new CryptographicException("OpenSSL's SHA-1 failed.");
                }
            }
        }

        /// <summary>The functions from the libcrypto .NET uses on Linux, or null when absent or not agreeing with .NET's SHA-1.</summary>
        public static LowLevelSha1? TryLoad()
        {
            if (!OperatingSystem.IsLinux())
            {
                return null;
            }

            foreach (var name in (string[])["libcrypto.so.3", "libcrypto.so.1.1"])
            {
                if (NativeLibrary.TryLoad(name, out var library)
                    && NativeLibrary.TryGetExport(library, "SHA1_Init", out var init)
                    && NativeLibrary.TryGetExport(library, "SHA1_Update", out var update)
                    && NativeLibrary.TryGetExport(library, "SHA1_Final", out var final))
                {
                    var candidate = new LowLevelSha1(init, update, final);
                    return candidate.AgreesWithDotNet() ? candidate : null;
                }
            }

            return null;
        }

        /// <summary>Inputs of 0 to 300 bytes (one to six blocks, every padding case) hash as <see cref="SHA1.HashData(ReadOnlySpan{byte})"/> does.</summary>
        private bool AgreesWithDotNet()
        {
            var input = new byte[300];
            for (var i = 0; i < input.Length; i++)
            {
                input[i] = (byte)(i * 31 + 7);
            }

            var context = stackalloc byte[ContextBytes];
            Span<byte> ours = stackalloc byte[SHA1.HashSizeInBytes];
            for (var length = 0; length <= input.Length; length++)
            {
                Hash(context, input.AsSpan(0, length), ours);
                if (!ours.SequenceEqual(SHA1.HashData(input.AsSpan(0, length))))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
