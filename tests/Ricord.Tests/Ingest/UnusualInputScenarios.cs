using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Dicom;
using Ricord.Testing;
using Ricord.Tests.Deid;

namespace Ricord.Tests.Ingest;

/// <summary>Inputs that are not plain instances: what cannot be read at all (a damaged or cut-off zip archive, a damaged
/// zip entry, a named pipe, a link to a folder) is quarantined as Unreadable with a detail that names no path, a CD's
/// DICOMDIR is told apart, and everything else is ingested. Before, a damaged archive stopped the whole ingest, and a
/// named pipe or a link back up the tree hung it.</summary>
internal static class UnusualInputScenarios
{
    public static async Task DamagedInputsAreQuarantinedAndTheRestIngested(IngestTestBed bed)
    {
        bed.Write("a.dcm", PhiFixture.Build(1));
        byte[] broken = Encoding.ASCII.GetBytes("PK\u0003\u0004 not really an archive");
        bed.Write("k4417.zip", broken);
        byte[] whole = Zip(PhiFixture.Build(2), PhiFixture.Build(3));
        byte[] cut = whole[..(whole.Length / 2)];
        bed.Write("k4418.zip", cut);
        bed.Write("k4419.zip", DamageFirstEntry(Zip(PhiFixture.Build(4), PhiFixture.Build(5))));
        NamedPipe.Create(Path.Combine(bed.Input, "k4420.dcm"));

        for (int run = 0; run < 2; run++)
        {
            // A hang (the named pipe) fails the test instead of stopping the suite.
            var report = await bed.IngestAsync(parallelism: 2).WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(run == 0 ? (2L, 0L) : (0L, 2L), (report.Accepted, report.Duplicates)); // a.dcm and the good entry
            Assert.Equal(new Dictionary<QuarantineReason, long> { [QuarantineReason.Unreadable] = 4 },
                report.QuarantinedByReason.ToDictionary(kv => kv.Key, kv => kv.Value));

            // One entry each, the same ones again on the re-run; the details name no path or file.
            await using var db = bed.Db();
            var entries = await db.QuarantineEntries.ToListAsync();
            Assert.Equal(4, entries.Count);
            Assert.All(entries, q => Assert.Equal(QuarantineReason.Unreadable, q.Reason));
            Assert.Equal(4, entries.Select(q => q.ContentHash).Distinct().Count());
            foreach (var q in entries)
            {
                foreach (var name in new[] { bed.Input, "k4417", "k4418", "k4419", "k4420", "e0.dcm" })
                {
                    Assert.DoesNotContain(name, q.Detail, StringComparison.OrdinalIgnoreCase);
                }
            }

            Assert.Contains(entries, q => q.Detail.StartsWith("zip archive cannot be opened", StringComparison.Ordinal));
            Assert.Contains(entries, q => q.Detail.StartsWith("zip entry cannot be read", StringComparison.Ordinal));
            Assert.Contains(entries, q => q.Detail.Contains("not a regular file", StringComparison.Ordinal));
        }

        // The damaged archives' own bytes are kept for repair; of the pipe and the damaged entry nothing could be read.
        var sizes = bed.Data.Vault.Ids().Select(id => bed.Data.Vault.GetSize(id)).Order().ToList();
        Assert.Equal([0L, 0L, broken.Length, cut.Length], sizes);
        await bed.AssertConsistentAsync();
    }

    /// <summary>Links: a link to a file is ingested like the file; links to folders are not followed (one points back
    /// up the tree: before, the walk never ended) and are reported as Unreadable with what to do instead.</summary>
    public static async Task LinksToFoldersAreNotFollowed(IngestTestBed bed)
    {
        string outside = Path.Combine(Path.GetDirectoryName(bed.Input)!, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllBytes(Path.Combine(outside, "b.dcm"), new DicomFile(PhiFixture.Build(2)).ToBytes());
        File.WriteAllBytes(Path.Combine(outside, "c.dcm"), new DicomFile(PhiFixture.Build(3)).ToBytes());
        bed.Write("study/a.dcm", PhiFixture.Build(1));
        File.CreateSymbolicLink(Path.Combine(bed.Input, "study", "loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(bed.Input, "elsewhere"), outside);
        File.CreateSymbolicLink(Path.Combine(bed.Input, "c-link.dcm"), Path.Combine(outside, "c.dcm"));

        var report = await bed.IngestAsync(parallelism: 2).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(2, report.Accepted); // a.dcm and the file behind c-link.dcm; not b.dcm behind the folder link
        Assert.Equal(new Dictionary<QuarantineReason, long> { [QuarantineReason.Unreadable] = 2 },
            report.QuarantinedByReason.ToDictionary(kv => kv.Key, kv => kv.Value));
        await using (var db = bed.Db())
        {
            Assert.All(await db.QuarantineEntries.ToListAsync(), q => Assert.Contains("a link to a folder, not followed", q.Detail, StringComparison.Ordinal));
        }

        await bed.AssertConsistentAsync();
    }

    /// <summary>A CD export's DICOMDIRs (pydicom's, in every encoding pydicom ships) are told apart from images with
    /// missing UIDs, and the export's images are ingested.</summary>
    public static async Task DicomdirsAreToldApart(IngestTestBed bed)
    {
        string pydicom = "/usr/lib/python3/dist-packages/pydicom/data/test_files/dicomdirtests";
        Assert.True(Directory.Exists(pydicom), "python3-pydicom's test files are missing (the test script installs python3-pydicom)");
        foreach (var name in new[] { "DICOMDIR", "DICOMDIR-implicit", "DICOMDIR-bigEnd", "DICOMDIR-reordered" })
        {
            bed.Write("cd/" + name, File.ReadAllBytes(Path.Combine(pydicom, name)));
        }

        bed.Write("cd/IMAGES/1.dcm", PhiFixture.Build(1));
        var report = await bed.IngestAsync(parallelism: 2);
        Assert.Equal(1, report.Accepted);
        await using var db = bed.Db();
        var entries = await db.QuarantineEntries.ToListAsync();
        Assert.Equal(4, entries.Count);
        Assert.All(entries, q => Assert.Equal(QuarantineReason.UnexpectedSopClass, q.Reason));
        Assert.All(entries, q => Assert.StartsWith("a DICOMDIR", q.Detail, StringComparison.Ordinal));
    }

    /// <summary>A zip entry refused at its group commit (its study belongs to another patient) is quarantined with its
    /// original bytes, whole: the item holds no bytes while it waits for its commit, so they are read again from the
    /// archive, and from a zip inside it.</summary>
    public static async Task ZipEntriesRefusedAtCommitKeepTheirOriginals(IngestTestBed bed)
    {
        byte[] first = new DicomFile(PhiFixture.Build(1)).ToBytes();
        byte[] conflict = new DicomFile(PhiFixture.Build(6, mrn: "MRN5550001")).ToBytes();
        byte[] nested = new DicomFile(PhiFixture.Build(7, mrn: "MRN5550001")).ToBytes();
        bed.Write("a.dcm", first);
        Assert.Equal(1, (await bed.IngestAsync(parallelism: 1)).Accepted);
        bed.Write("k.zip", ZipOf(("e0.dcm", conflict), ("inner.zip", ZipOf(("e1.dcm", nested)))));

        var report = await bed.IngestAsync(parallelism: 2);
        Assert.Equal(new Dictionary<QuarantineReason, long> { [QuarantineReason.ConflictingPatientData] = 2 },
            report.QuarantinedByReason.ToDictionary(kv => kv.Key, kv => kv.Value));
        var kept = new List<byte[]>();
        foreach (string id in bed.Data.Vault.Ids())
        {
            kept.Add((await bed.Data.Vault.GetBytesAsync(id, CancellationToken.None))!);
        }

        Assert.Equal(2, kept.Count);
        Assert.Contains(kept, k => k.AsSpan().SequenceEqual(conflict));
        Assert.Contains(kept, k => k.AsSpan().SequenceEqual(nested));
        await bed.AssertConsistentAsync();
    }

    private static byte[] ZipOf(params (string Name, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A zip archive of the data sets as e0.dcm, e1.dcm, … (deflated).</summary>
    private static byte[] Zip(params DicomDataset[] datasets)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (int i = 0; i < datasets.Length; i++)
            {
                using var entry = zip.CreateEntry($"e{i}.dcm", CompressionLevel.Optimal).Open();
                entry.Write(new DicomFile(datasets[i]).ToBytes());
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Overwrites the start of the first entry's deflate stream with 0xFF: block type 3, which no decoder
    /// accepts. The archive's directory stays intact, so only that entry is unreadable.</summary>
    private static byte[] DamageFirstEntry(byte[] zip)
    {
        int nameLength = BitConverter.ToUInt16(zip, 26), extraLength = BitConverter.ToUInt16(zip, 28);
        zip.AsSpan(30 + nameLength + extraLength, 16).Fill(0xFF);
        return zip;
    }
}
