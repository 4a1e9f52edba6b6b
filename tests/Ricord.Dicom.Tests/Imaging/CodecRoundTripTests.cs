using System.Buffers.Binary;
using CsCheck;
using Ricord.Dicom.Imaging;

namespace Ricord.Dicom.Tests.Imaging;

/// <summary>Encode → decode is the identity for random images: 8/16 bits, 1 or 3 samples, sizes from 1x1, odd widths.</summary>
public sealed class CodecRoundTripTests
{
    private static readonly Gen<(PixelDataInfo Info, byte[] Pixels)> RandomImage =
        from rows in Gen.Int[1, 40]
        from columns in Gen.Int[1, 40]
        from samples in Gen.Int[0, 1].Select(i => 1 + (2 * i))
        from bits in Gen.Int[1, 2].Select(i => 8 * i)
        from stored in Gen.Int[2, bits]
        from planar in Gen.Int[0, samples == 3 ? 1 : 0]
        from runs in Gen.Bool
        from seed in Gen.Int
        select Build(rows, columns, samples, bits, stored, planar, runs, seed);

    [Fact]
    public void Rle_round_trip() =>
        RandomImage.Sample(image =>
        {
            var codec = new RleCodec();
            byte[] decoded = codec.Decode(codec.Encode(image.Pixels, image.Info), image.Info);
            Assert.Equal(PeerDecoded.Interleave(image.Pixels, image.Info), decoded);
        }, iter: 300);

    [Fact]
    public void Jpeg_lossless_round_trip() =>
        RandomImage.Sample(image =>
        {
            var codec = new JpegLosslessCodec(DicomTransferSyntax.JpegLosslessSV1);
            byte[] decoded = codec.Decode(codec.Encode(image.Pixels, image.Info), image.Info);
            Assert.Equal(PeerDecoded.Interleave(image.Pixels, image.Info), decoded);
        }, iter: 300);

    [Fact]
    public void Jpeg_ls_lossless_round_trip() =>
        RandomImage.Sample(image =>
        {
            var codec = new JpegLSCodec(DicomTransferSyntax.JpegLSLossless);
            byte[] decoded = codec.Decode(codec.Encode(image.Pixels, image.Info), image.Info);
            Assert.Equal(PeerDecoded.Interleave(image.Pixels, image.Info), decoded);
        }, iter: 300);

    /// <summary>Bits above High Bit (here 12-bit signed values sign-extended to 16) are kept: the precision becomes Bits Allocated.</summary>
    [Fact]
    public void Jpeg_ls_keeps_bits_above_high_bit()
    {
        var info = new PixelDataInfo { Rows = 7, Columns = 9, BitsAllocated = 16, BitsStored = 12, HighBit = 11, PixelRepresentation = 1 };
        var pixels = new byte[info.FrameSize];
        var random = new Random(3);
        for (int i = 0; i < info.Rows * info.Columns; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(pixels.AsSpan(2 * i), (short)random.Next(-2048, 2048));
        }

        var codec = new JpegLSCodec(DicomTransferSyntax.JpegLSLossless);
        Assert.True(codec.CanEncode);
        Assert.Equal(pixels, codec.Decode(codec.Encode(pixels, info), info));
        Assert.False(new JpegLSCodec(DicomTransferSyntax.JpegLSNearLossless).CanEncode);
    }

    [Fact]
    public void Rle_round_trip_32_bit()
    {
        var info = new PixelDataInfo { Rows = 3, Columns = 5, SamplesPerPixel = 3, BitsAllocated = 32, BitsStored = 32, HighBit = 31 };
        byte[] pixels = new byte[info.FrameSize];
        new Random(7).NextBytes(pixels);
        var codec = new RleCodec();
        Assert.Equal(pixels, codec.Decode(codec.Encode(pixels, info), info));
    }

    /// <summary>Random samples within Bits Stored; with <paramref name="runs"/> only a few distinct values, so runs form.</summary>
    private static (PixelDataInfo, byte[]) Build(int rows, int columns, int samples, int bits, int stored, int planar, bool runs, int seed)
    {
        var info = new PixelDataInfo
        {
            Rows = rows, Columns = columns, SamplesPerPixel = samples, BitsAllocated = bits, BitsStored = stored,
            HighBit = stored - 1, PlanarConfiguration = planar, PhotometricInterpretation = samples == 3 ? "RGB" : "MONOCHROME2",
        };
        var random = new Random(seed);
        int count = rows * columns * samples, max = 1 << stored;
        var pixels = new byte[count * (bits / 8)];
        for (int i = 0; i < count; i++)
        {
            int v = runs ? random.Next(3) * (max / 3) : random.Next(max);
            if (bits == 8)
            {
                pixels[i] = (byte)v;
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(pixels.AsSpan(i * 2), (ushort)v);
            }
        }

        return (info, pixels);
    }
}
