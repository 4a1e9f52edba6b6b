using Ricord.Dicom.Tests.Corpus;

namespace Ricord.Dicom.Tests.IO;

/// <summary>
/// Mutates real files thousands of times (bit flips, truncation, huge lengths, spliced garbage).
/// The parser may only ever throw <see cref="DicomFormatException"/>, and never allocates far beyond the input.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Seeds =
    [
        "test_files/CT_small.dcm", "test_files/MR_small_implicit.dcm", "test_files/MR_small_bigendian.dcm",
        "test_files/image_dfl.dcm", "test_files/nested_priv_SQ.dcm", "test_files/test-SR.dcm",
        "test_files/SC_rgb_rle.dcm", "test_files/JPEG2000.dcm", "charset_files/chrSQEncoding.dcm",
        "test_files/rtplan.dcm", "test_files/UN_sequence.dcm", "test_files/ExplVR_BigEndNoMeta.dcm",
    ];

    public static TheoryData<string> SeedData() => [.. Seeds];

    [Theory]
    [MemberData(nameof(SeedData))]
    public void Mutated_files_only_ever_raise_DicomFormatException(string relative)
    {
        byte[] original = File.ReadAllBytes(PydicomFiles.PathOf(relative));
        var random = new Random(relative.Length * 7919 + original.Length);
        int failures = 0;
        for (int i = 0; i < 600; i++)
        {
            byte[] mutated = Mutate(original, random);
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var file = DicomFile.Read(mutated);
                Touch(file.Dataset);
            }
            catch (DicomFormatException ex)
            {
                failures++;
                Assert.True(ex.Offset >= 0 && (ex.Offset <= mutated.Length + 12 || ex.Message.Contains("inflated", StringComparison.Ordinal)),
                    $"offset {ex.Offset} outside the input: {ex.Message}");
            }
            catch (Exception ex)
            {
                Assert.Fail($"Mutation {i} of {relative}: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < 8L * mutated.Length + (4 << 20), $"mutation {i}: {allocated} bytes allocated for {mutated.Length} bytes of input");
        }

        Assert.True(failures > 0, "no mutation was rejected: the fuzzer is not reaching the parser");
    }

    /// <summary>Reads every value through the typed accessors, as an indexer would.</summary>
    private static void Touch(DicomDataset ds)
    {
        foreach (var e in ds)
        {
            if (e is DicomSequence sq)
            {
                foreach (var item in sq.Items)
                {
                    Touch(item);
                }

                continue;
            }

            _ = ds.GetStrings(e.Tag);
            _ = e.Length;
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        byte[] b = (byte[])original.Clone();
        switch (random.Next(5))
        {
            case 0:
                for (int k = random.Next(1, 9); k > 0; k--)
                {
                    b[random.Next(b.Length)] ^= (byte)(1 << random.Next(8));
                }

                return b;
            case 1:
                return b[..random.Next(b.Length)];
            case 2:
                uint[] lengths = [0xFFFFFFFF, 0xFFFFFFFE, 0x7FFFFFFF, 0x80000000, 0x0000FFFF, 0x10000000];
                int at = random.Next(Math.Max(1, b.Length - 4));
                BitConverter.TryWriteBytes(b.AsSpan(at), lengths[random.Next(lengths.Length)]);
                return b;
            case 3:
                int start = random.Next(b.Length);
                random.NextBytes(b.AsSpan(start, Math.Min(b.Length - start, random.Next(1, 64))));
                return b;
            default:
                // Replace a 16-bit field with a random value: VR codes and short lengths.
                int p = random.Next(Math.Max(1, b.Length - 2));
                BitConverter.TryWriteBytes(b.AsSpan(p), (ushort)random.Next(65536));
                return b;
        }
    }
}
