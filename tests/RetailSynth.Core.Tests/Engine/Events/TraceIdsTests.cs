using System.Security.Cryptography;
using System.Text;
using RetailSynth.Engine.Events;

namespace RetailSynth.Core.Tests.Engine.Events;

public class TraceIdsTests
{
    [Fact]
    public void A_reused_sha1_digest_gives_the_one_shot_ids_call_after_call()
    {
        var sha1 = new Sha1Digest();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 200; i++)
        {
            var name = Encoding.UTF8.GetBytes($"{EventSamples.DatasetId}|receipt_line_added|RCP-20240115-003-{i:000000}|{new string('x', i % 90)}");
            var oneShot = new byte[TraceIds.Length];
            var reused = new byte[TraceIds.Length];

            TraceIds.Compute(name, oneShot);
            TraceIds.Compute(name, reused, sha1);

            Assert.Equal(Encoding.ASCII.GetString(oneShot), Encoding.ASCII.GetString(reused));
            ids.Add(Encoding.ASCII.GetString(reused));
        }

        Assert.Equal(200, ids.Count); // each call hashed its own name only: nothing carried over from the one before
    }

    [Fact]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "UUID v5 is defined on SHA-1; the test compares against .NET's.")]
    public void The_digest_equals_dotnets_sha1_for_every_length_across_block_boundaries_on_both_paths()
    {
        var input = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 100).Select(i => $"{i}|é")));
        var digest = new byte[SHA1.HashSizeInBytes];
        foreach (var sha1 in new[] { new Sha1Digest(), new Sha1Digest(preferOpenSsl: false) })
        {
            for (var length = 0; length <= 260; length++)
            {
                sha1.Hash(input.AsSpan(0, length), digest);

                Assert.Equal(Convert.ToHexString(SHA1.HashData(input.AsSpan(0, length))), Convert.ToHexString(digest));
            }
        }
    }

    [Fact]
    public void On_linux_the_digest_comes_from_openssls_low_level_sha1()
    {
        // .NET on Linux needs libcrypto itself, so the fast path must be found there; elsewhere the fallback is expected.
        Assert.Equal(OperatingSystem.IsLinux(), Sha1Digest.UsesOpenSsl);
    }
}
