using System.Text;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Dicom;
using Ricord.Tests.Deid;

namespace Ricord.Tests.Ingest;

/// <summary>Inputs that are no instance at all, each quarantined with a reason of its own (before: an empty file was
/// "Other", an unknown transfer syntax a burned-in annotation risk), the detail saying why without quoting a value.</summary>
internal static class HostileInputScenarios
{
    public static async Task EachKindOfNonInstanceHasItsOwnReason(IngestTestBed bed)
    {
        bed.Write("a-accepted.dcm", PhiFixture.Build(1));
        bed.Write("b-empty.dcm", Array.Empty<byte>());
        bed.Write("c-list.csv", Encoding.ASCII.GetBytes("MRN7730041,ZQXWALSH\n"));
        bed.Write("d-photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        byte[] bytes = new DicomFile(PhiFixture.Build(2)).ToBytes();
        byte[] uid = Encoding.ASCII.GetBytes("1.2.840.10008.1.2.1\0");
        int at = bytes.AsSpan().IndexOf(uid);
        Assert.True(at > 0);
        Encoding.ASCII.GetBytes("1.2.840.99999.1.2.1\0").CopyTo(bytes, at);
        bed.Write("e-unknown-syntax.dcm", bytes);

        var report = await bed.IngestAsync(parallelism: 1);

        Assert.Equal(1, report.Accepted);
        var expected = new Dictionary<QuarantineReason, long>
        {
            [QuarantineReason.EmptyFile] = 1,
            [QuarantineReason.NotDicom] = 2,
            [QuarantineReason.UnknownTransferSyntax] = 1,
        };
        Assert.Equal(expected, report.QuarantinedByReason.ToDictionary(kv => kv.Key, kv => kv.Value));
        await using var db = bed.Db();
        var details = await db.QuarantineEntries.Select(q => q.Detail).ToListAsync();
        Assert.Contains(details, d => d.Contains("looks like text", StringComparison.Ordinal));
        Assert.Contains(details, d => d.Contains("looks like a JPEG image", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("transfer syntax 1.2.840.99999.1.2.1 is not known", StringComparison.Ordinal));
        Assert.All(details, d => Assert.DoesNotContain("MRN7730041", d, StringComparison.Ordinal));
        await bed.AssertConsistentAsync();
    }
}
