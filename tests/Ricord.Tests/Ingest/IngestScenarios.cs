using System.Text;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Dicom;
using Ricord.Tests.Deid;

namespace Ricord.Tests.Ingest;

/// <summary>Ingest scenarios run on each catalog provider (and blob store) by the test classes.</summary>
internal static class IngestScenarios
{
    private static readonly byte[] NotDicom = Encoding.ASCII.GetBytes("Scanned referral letter, not an image.\n");

    /// <summary>Re-running on the same input adds no instance, blob or quarantine entry, and reports duplicates.</summary>
    public static async Task RerunAddsNothing(IngestTestBed bed)
    {
        for (int i = 1; i <= 3; i++)
        {
            bed.Write($"ct/{i}.dcm", PhiFixture.Build(i));
        }

        bed.Write("letter.txt", NotDicom);
        var first = await bed.IngestAsync();
        Assert.Equal((3L, 0L, 0L, 1L), (first.Accepted, first.Duplicates, first.Changed, first.Quarantined));
        var keys = await bed.BlobKeysAsync();
        Assert.Equal(3, keys.Count);

        var second = await bed.IngestAsync();
        Assert.Equal((0L, 3L, 0L, 1L), (second.Accepted, second.Duplicates, second.Changed, second.Quarantined));
        Assert.Equal(keys, await bed.BlobKeysAsync());
        await using (var db = bed.Db())
        {
            Assert.Equal(3, await db.Instances.CountAsync());
            Assert.Equal(1, await db.QuarantineEntries.CountAsync());
        }

        await bed.AssertConsistentAsync();
    }

    /// <summary>Another instance with an indexed SOPInstanceUID is reported as changed; the original stays, and the
    /// changed bytes leave no blob behind.</summary>
    public static async Task ChangedInstanceIsReportedAndOriginalKept(IngestTestBed bed)
    {
        bed.Write("1.dcm", PhiFixture.Build(1));
        Assert.Equal(1, (await bed.IngestAsync()).Accepted);
        string original;
        await using (var db = bed.Db())
        {
            original = (await db.Instances.SingleAsync()).ContentHash;
        }

        var keys = await bed.BlobKeysAsync();
        bed.Write("1.dcm", Changed(PhiFixture.Build(1)));
        var report = await bed.IngestAsync();
        Assert.Equal((0L, 0L, 1L), (report.Accepted, report.Duplicates, report.Changed));
        await using (var db = bed.Db())
        {
            Assert.Equal(original, (await db.Instances.SingleAsync()).ContentHash);
        }

        Assert.Equal(keys, await bed.BlobKeysAsync());
        await bed.AssertConsistentAsync();
    }

    /// <summary>A process that dies between writing a blob and indexing it: the re-run adopts the blob of an instance
    /// it then indexes, and deletes the blob of one that turns out changed. Nothing is orphaned.</summary>
    public static async Task CrashBetweenBlobAndIndexConverges(IngestTestBed bed)
    {
        bed.Write("a.dcm", PhiFixture.Build(1));
        bed.Write("b.dcm", PhiFixture.Build(2));
        bed.Write("c.dcm", Changed(PhiFixture.Build(1)));

        // Run 1 dies right after b's blob is written: a indexed, b's blob not yet referenced. Batches of one.
        var oneByOne = IngestTestBed.Options(parallelism: 1, batch: 1);
        var crashing = new CrashingBlobStore(bed.Data.Blobs, putsBeforeCrash: 1);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => bed.IngestAsync(oneByOne, crashing));
        Assert.Equal(2, (await bed.BlobKeysAsync()).Count);
        await using (var db = bed.Db())
        {
            Assert.Equal(1, await db.Instances.CountAsync());
        }

        // Run 2 adopts b's blob, then dies right after writing the blob of c (same UID as a, other content).
        crashing = new CrashingBlobStore(bed.Data.Blobs, putsBeforeCrash: 0);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => bed.IngestAsync(oneByOne, crashing));
        Assert.Equal(3, (await bed.BlobKeysAsync()).Count);

        var last = await bed.IngestAsync(oneByOne);
        Assert.Equal((0L, 2L, 1L), (last.Accepted, last.Duplicates, last.Changed));
        Assert.Equal(2, (await bed.BlobKeysAsync()).Count);
        await bed.AssertConsistentAsync();
    }

    /// <summary>Each quarantine reason, recorded once with a detail free of identifiers, its original in the vault
    /// and no blob; a re-run quarantines the same items again without a second entry.</summary>
    public static async Task EachQuarantineReasonIsRecordedOnce(IngestTestBed bed)
    {
        bed.Write("a-accepted.dcm", PhiFixture.Build(1));
        bed.Write("b-letter.txt", NotDicom);
        byte[] whole = new DicomFile(PhiFixture.Build(2)).ToBytes();
        bed.Write("c-truncated.dcm", whole[..(whole.Length / 2)]);
        var noSeries = PhiFixture.Build(3);
        noSeries.Remove(DicomTags.SeriesInstanceUID);
        bed.Write("d-no-series-uid.dcm", noSeries);
        // A UID some system built from the MRN: quarantined, and the detail must not repeat it.
        bed.Write("d2-mrn-in-uid.dcm", PhiFixture.Build(8).SetString(DicomTags.StudyInstanceUID, DicomVR.UI, "1.2.840.99.MRN7730041"));
        bed.Write("e-burned-in.dcm", PhiFixture.Build(4).SetString(DicomTags.BurnedInAnnotation, DicomVR.CS, "YES"));
        bed.Write("f-mr.dcm", PhiFixture.Build(5).SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.4"));
        bed.Write("g-other-patient-same-study.dcm", PhiFixture.Build(6, mrn: "MRN5550001"));
        var noPatient = PhiFixture.Build(7);
        noPatient.Remove(DicomTags.PatientID);
        bed.Write("h-no-patient-id.dcm", noPatient);

        var expected = new Dictionary<QuarantineReason, long>
        {
            [QuarantineReason.NotDicom] = 1,
            [QuarantineReason.Truncated] = 1,
            [QuarantineReason.MissingUids] = 2,
            [QuarantineReason.BurnedInAnnotationRisk] = 1,
            [QuarantineReason.UnexpectedSopClass] = 1,
            [QuarantineReason.ConflictingPatientData] = 2,
        };
        for (int run = 0; run < 2; run++)
        {
            var report = await bed.IngestAsync(parallelism: 1);
            Assert.Equal(run == 0 ? 1 : 0, report.Accepted);
            Assert.Equal(expected, report.QuarantinedByReason.ToDictionary(kv => kv.Key, kv => kv.Value));
            await using var db = bed.Db();
            var entries = await db.QuarantineEntries.ToListAsync();
            Assert.Equal(expected, entries.GroupBy(q => q.Reason).ToDictionary(g => g.Key, g => (long)g.LongCount()));
            foreach (var q in entries)
            {
                foreach (var phi in new[] { "MRN7730041", "MRN5550001", "ZQXWALSH", "999777", bed.Input })
                {
                    Assert.DoesNotContain(phi, q.Detail, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        Assert.Single(await bed.BlobKeysAsync());
        Assert.Equal(8, bed.Data.Vault.Ids().Count());
        await bed.AssertConsistentAsync();
    }

    /// <summary>Dot-named files (hidden on Unix, as PACS exports write them) and files in dot-named folders are
    /// ingested like any other.</summary>
    public static async Task HiddenFilesAreIngested(IngestTestBed bed)
    {
        bed.Write(".1.dcm", PhiFixture.Build(1));
        bed.Write(".export/2.dcm", PhiFixture.Build(2));
        bed.Write("3.dcm", PhiFixture.Build(3));
        var report = await bed.IngestAsync(parallelism: 2);
        Assert.Equal(3, report.Accepted);
        await bed.AssertConsistentAsync();
    }

    /// <summary>Refused items reach the vault byte for byte whether the quarantine stage takes a copy (small) or
    /// the refusing worker writes them from its pooled buffer (larger than the hand-off limit).</summary>
    public static async Task SmallAndLargeRefusedItemsAreKeptWhole(IngestTestBed bed)
    {
        var small = NotDicom;
        var large = new byte[(17 << 20) + 3];
        new Random(4).NextBytes(large);
        bed.Write("small.txt", small);
        bed.Write("large.bin", large);
        var report = await bed.IngestAsync(parallelism: 2);
        Assert.Equal(2, report.Quarantined);
        var kept = new List<byte[]>();
        foreach (var id in bed.Data.Vault.Ids())
        {
            kept.Add((await bed.Data.Vault.GetBytesAsync(id, CancellationToken.None))!);
        }

        Assert.Equal(2, kept.Count);
        Assert.Contains(kept, k => k.AsSpan().SequenceEqual(small));
        Assert.Contains(kept, k => k.AsSpan().SequenceEqual(large));
        await bed.AssertConsistentAsync();
    }

    /// <summary>Two ingest runs over the same input at once (as on two nodes): every instance indexed once, each
    /// quarantined item entered once, no blob without a row.</summary>
    public static async Task ConcurrentRunsOnTheSameInput(IngestTestBed bed)
    {
        for (int i = 1; i <= 6; i++)
        {
            bed.Write($"ct/{i}.dcm", PhiFixture.Build(i));
        }

        bed.Write("ct/7.dcm", Changed(PhiFixture.Build(1)));
        bed.Write("letter.txt", NotDicom);
        bed.Write("burned.dcm", PhiFixture.Build(8).SetString(DicomTags.BurnedInAnnotation, DicomVR.CS, "YES"));
        var reports = await Task.WhenAll(bed.IngestAsync(parallelism: 3), bed.IngestAsync(parallelism: 3));
        // Of 1.dcm and 7.dcm (one UID), whichever is indexed first is kept; the other is "changed" in both runs.
        Assert.Equal((6L, 6L, 2L), (reports.Sum(r => r.Accepted), reports.Sum(r => r.Duplicates), reports.Sum(r => r.Changed)));
        Assert.All(reports, r => Assert.Equal(2, r.Quarantined));
        await using (var db = bed.Db())
        {
            Assert.Equal(6, await db.Instances.CountAsync());
            Assert.Equal(2, await db.QuarantineEntries.CountAsync());
        }

        await bed.AssertConsistentAsync();
    }

    /// <summary>One group commit holding good instances, a duplicate of an indexed instance, a duplicate of another
    /// member of the batch, a changed instance and a conflict: each gets the outcome it gets alone, and the refused
    /// ones leave no row and no blob behind.</summary>
    public static async Task MixedBatchRefusesOnlyItsBadMembers(IngestTestBed bed)
    {
        bed.Write("first/1.dcm", PhiFixture.Build(1));
        Assert.Equal(1, (await bed.IngestAsync(paths: Path.Combine(bed.Input, "first"))).Accepted);
        bed.Write("batch/a-duplicate.dcm", PhiFixture.Build(1));
        bed.Write("batch/b-changed.dcm", Changed(PhiFixture.Build(1)));
        bed.Write("batch/c.dcm", PhiFixture.Build(2));
        bed.Write("batch/d.dcm", PhiFixture.Build(3));
        bed.Write("batch/e-other-patient-same-study.dcm", PhiFixture.Build(6, mrn: "MRN5550001"));
        bed.Write("batch/f.dcm", PhiFixture.Build(4));
        bed.Write("batch/g-copy-of-d.dcm", PhiFixture.Build(3));

        var report = await bed.IngestAsync(IngestTestBed.Options(window: TimeSpan.FromMinutes(1)), paths: Path.Combine(bed.Input, "batch"));
        Assert.Equal(1, report.Commits);
        Assert.Equal((3L, 2L, 1L, 1L), (report.Accepted, report.Duplicates, report.Changed, report.Quarantined));
        Assert.Equal(1, report.QuarantinedByReason[QuarantineReason.ConflictingPatientData]);
        await using (var db = bed.Db())
        {
            Assert.Equal(4, await db.Instances.CountAsync());
            Assert.Equal(1, await db.Patients.CountAsync()); // the conflicting instance's patient was not kept
            Assert.Equal(4, (await db.Studies.SingleAsync()).NumberOfInstances);
        }

        await bed.AssertConsistentAsync();
    }

    /// <summary>A process that dies after a whole batch's blobs are durable and before its catalog transaction: no
    /// row, every blob on disk; the re-run adopts the blobs of the instances it indexes and deletes the blob of the
    /// one that turns out changed.</summary>
    public static async Task CrashBetweenBatchBlobsAndCommitConverges(IngestTestBed bed)
    {
        bed.Write("first/1.dcm", PhiFixture.Build(1));
        Assert.Equal(1, (await bed.IngestAsync(paths: Path.Combine(bed.Input, "first"))).Accepted);
        for (int i = 2; i <= 5; i++)
        {
            bed.Write($"batch/{i}.dcm", PhiFixture.Build(i));
        }

        bed.Write("batch/changed.dcm", Changed(PhiFixture.Build(1)));
        var oneBatch = IngestTestBed.Options(window: TimeSpan.FromMinutes(1));
        var crashing = new CrashingBlobStore(bed.Data.Blobs, putsBeforeCrash: 0);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => bed.IngestAsync(oneBatch, crashing, Path.Combine(bed.Input, "batch")));
        var stored = await bed.BlobKeysAsync();
        Assert.Equal(6, stored.Count);
        await using (var db = bed.Db())
        {
            Assert.Equal(1, await db.Instances.CountAsync());
        }

        var rerun = await bed.IngestAsync(oneBatch, paths: Path.Combine(bed.Input, "batch"));
        Assert.Equal((4L, 0L, 1L), (rerun.Accepted, rerun.Duplicates, rerun.Changed));
        var kept = await bed.BlobKeysAsync();
        Assert.Equal(5, kept.Count);
        Assert.Subset(stored, kept); // adopted, not written again
        await bed.AssertConsistentAsync();
    }

    /// <summary>Other pixel values: after de-identification, other bytes under the same SOPInstanceUID.</summary>
    public static DicomDataset Changed(DicomDataset ds) => ds.SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[] { 9, 0, 9, 0, 9, 0, 9, 0 });
}
