using Ricord.Dicom.Tests.Corpus;
using Ricord.Dicom.Tests.Peers;
using Ricord.Dicom.Tests.Support;

namespace Ricord.Dicom.Tests.IO;

/// <summary>Read → write in every uncompressed transfer syntax → read (by Ricord and by dcmtk) gives the same content.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string, string> NativeFilesByTargetSyntax()
    {
        var data = new TheoryData<string, string>();
        foreach (var f in PydicomFiles.Readable().Where(f => !DcmtkAgreementTests.DcmtkRejects.Contains(f)))
        {
            if (DicomFile.Open(PydicomFiles.PathOf(f)).TransferSyntax.IsEncapsulated)
            {
                continue;
            }

            foreach (var ts in DicomTransferSyntax.Uncompressed)
            {
                data.Add(f, ts.Uid);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NativeFilesByTargetSyntax))]
    public void Transcoding_preserves_every_value(string relative, string targetUid)
    {
        var ts = DicomTransferSyntax.FromUid(targetUid);
        var original = DicomFile.Open(PydicomFiles.PathOf(relative));
        byte[] written = original.ToBytes(new DicomWriteOptions { TransferSyntax = ts });
        var reread = DicomFile.Read(written);
        Assert.Equal(ts.Uid, reread.TransferSyntax.Uid);
        // An implicit VR private element holding items (priv_SQ.dcm) is written as UN and read back as the SQ it holds (CP-246).
        Assert.Null(DatasetComparer.Difference(original.Dataset, reread.Dataset, compareVR: ts.IsExplicitVR, unAsSequence: ts.IsExplicitVR));

        // dcmtk must read what we wrote exactly as we do.
        string path = Path.Combine(Path.GetTempPath(), $"ricord-rt-{Guid.NewGuid():N}.dcm");
        try
        {
            File.WriteAllBytes(path, written);
            var (code, stdout, stderr) = PeerTool.Run("dcmdump", ["+L", "-q", "-Un", path], System.Text.Encoding.Latin1,
                new Dictionary<string, string> { ["DCMDICTPATH"] = "/usr/share/libdcmtk17/dicom.dic" });
            Assert.True(code == 0, $"dcmdump rejected our {ts.Name} output: {stderr}");
            Assert.NotEmpty(DcmdumpParser.Parse(stdout));
            Assert.DoesNotContain("W: ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(PydicomFiles.ReadableData), MemberType = typeof(PydicomFiles))]
    public void Writing_unchanged_gives_a_readable_file_with_the_same_content(string relative)
    {
        var original = DicomFile.Open(PydicomFiles.PathOf(relative));
        var reread = DicomFile.Read(original.ToBytes());
        Assert.Null(DatasetComparer.Difference(original.Dataset, reread.Dataset));
    }

    /// <summary>Any file read without a warning is canonical: writing it unchanged must give the same data set bytes.</summary>
    [Theory]
    [MemberData(nameof(PydicomFiles.ReadableData), MemberType = typeof(PydicomFiles))]
    public void Canonical_files_round_trip_byte_identical(string relative)
    {
        byte[] input = File.ReadAllBytes(PydicomFiles.PathOf(relative));
        var original = DicomFile.Read(input);
        if (original.Warnings.Count > 0 || original.TransferSyntax.IsDeflated)
        {
            Assert.True(original.Warnings.All(w => w.Message.Length > 0));
            return;
        }

        byte[] output = original.ToBytes();
        var reread = DicomFile.Read(output);
        Assert.Empty(reread.Warnings);
        Assert.True(input.AsSpan((int)original.DatasetOffset).SequenceEqual(output.AsSpan((int)reread.DatasetOffset)),
            $"data set bytes differ after an unchanged write of {relative}");
    }

    [Fact]
    public void Most_of_the_corpus_is_canonical_so_the_byte_identity_test_bites()
    {
        var canonical = PydicomFiles.Readable()
            .Select(f => DicomFile.Read(File.ReadAllBytes(PydicomFiles.PathOf(f))))
            .Count(f => f.Warnings.Count == 0 && !f.TransferSyntax.IsDeflated);
        Assert.True(canonical >= 50, $"only {canonical} canonical files");
    }
}
