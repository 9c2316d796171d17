using System.Security.Cryptography;
using System.Text;
using RetailSynth.Engine.Events;

namespace RetailSynth.Core.Tests.Engine.Events;

public class TraceIdsTests
{
    [Fact]
    public void A_reused_sha1_context_gives_the_one_shot_ids_call_after_call()
    {
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
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
}
