using System.Buffers.Binary;
using CsCheck;
using Ricord.Dicom.Imaging;

namespace Ricord.Dicom.Tests.Imaging;

/// <summary>JPEG 2000 lossless encode → decode is the identity: 8/16 bits, signed or unsigned, 1 or 3 samples, odd sizes from 1x1.</summary>
public sealed class Jpeg2000RoundTripTests
{
    private static readonly Gen<(PixelDataInfo Info, byte[] Pixels)> RandomImage =
        from rows in Gen.Int[1, 37]
        from columns in Gen.Int[1, 37]
        from samples in Gen.Int[0, 1].Select(i => 1 + (2 * i))
        from bits in Gen.Int[1, 2].Select(i => 8 * i)
        from stored in Gen.Int[2, bits]
        from signed in Gen.Bool
        from seed in Gen.Int
        select Build(rows, columns, samples, bits, stored, signed ? 1 : 0, seed);

    [Fact]
    public void Lossless_round_trip() =>
        RandomImage.Sample(image =>
        {
            var codec = new Jpeg2000Codec(DicomTransferSyntax.Jpeg2000Lossless);
            byte[] decoded = codec.Decode(codec.Encode(image.Pixels, image.Info), image.Info);
            Assert.Equal(image.Pixels, decoded);
        }, iter: 200);

    /// <summary>Samples within Bits Stored; signed ones sign-extended to Bits Allocated, as decoding gives them back.</summary>
    private static (PixelDataInfo, byte[]) Build(int rows, int columns, int samples, int bits, int stored, int signed, int seed)
    {
        var info = new PixelDataInfo
        {
            Rows = rows, Columns = columns, SamplesPerPixel = samples, BitsAllocated = bits, BitsStored = stored, HighBit = stored - 1,
            PixelRepresentation = signed, PhotometricInterpretation = samples == 3 ? "RGB" : "MONOCHROME2",
        };
        var random = new Random(seed);
        int count = rows * columns * samples;
        var pixels = new byte[count * (bits / 8)];
        for (int i = 0; i < count; i++)
        {
            int v = signed == 1 ? random.Next(-(1 << (stored - 1)), 1 << (stored - 1)) : random.Next(1 << stored);
            if (bits == 8)
            {
                pixels[i] = (byte)v;
            }
            else
            {
                BinaryPrimitives.WriteInt16LittleEndian(pixels.AsSpan(i * 2), (short)v);
            }
        }

        return (info, pixels);
    }
}
