using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Ricord.Dicom.Imaging;

public sealed partial class Jpeg2000Codec
{
    private static unsafe byte[] EncodeNative(ReadOnlySpan<byte> frame, PixelDataInfo info)
    {
        int spp = info.SamplesPerPixel, width = info.Columns, height = info.Rows, bps = info.BytesPerSample;
        if (info.BitsAllocated is not (8 or 16))
        {
            throw new PixelDataException($"JPEG 2000 encoding supports Bits Allocated 8 or 16, not {info.BitsAllocated}");
        }

        int pixels = width * height;
        if (frame.Length < (long)pixels * spp * bps)
        {
            throw new PixelDataException($"Frame of {frame.Length} bytes is too short for {width}x{height}x{spp} samples of {info.BitsAllocated} bits");
        }

        var parameters = stackalloc OpenJpeg.ComponentParameters[spp];
        for (int c = 0; c < spp; c++)
        {
            parameters[c] = new OpenJpeg.ComponentParameters
            {
                Dx = 1, Dy = 1, W = (uint)width, H = (uint)height, Prec = (uint)info.BitsStored, Sgnd = (uint)info.PixelRepresentation,
            };
        }

        var image = OpenJpeg.opj_image_create((uint)spp, parameters, spp == 3 ? OpenJpeg.ColorSpaceSrgb : OpenJpeg.ColorSpaceGray);
        if (image == null)
        {
            throw new PixelDataException("OpenJPEG could not allocate the image");
        }

        void* settings = NativeMemory.AllocZeroed(OpenJpeg.EncoderParametersSize);
        try
        {
            image->X1 = (uint)width;
            image->Y1 = (uint)height;
            Fill(image, frame, info);
            OpenJpeg.opj_set_default_encoder_parameters(settings);
            byte* p = (byte*)settings;
            *(int*)(p + OpenJpeg.TcpNumLayersOffset) = 1;
            *(float*)(p + OpenJpeg.TcpRatesOffset) = 0; // rate 0: lossless layer
            *(int*)(p + OpenJpeg.CpDistoAllocOffset) = 1;
            *(int*)(p + OpenJpeg.IrreversibleOffset) = 0; // 5/3 reversible wavelet
            *(p + OpenJpeg.TcpMctOffset) = (byte)(UsesColourTransform(info) ? 1 : 0);

            // Each resolution level halves the image; the smallest must keep at least one sample.
            *(int*)(p + OpenJpeg.NumResolutionOffset) = Math.Min(6, 1 + (int)Math.Log2(Math.Min(width, height)));

            var codec = OpenJpeg.opj_create_compress(OpenJpeg.CodecJ2K);
            if (codec == IntPtr.Zero)
            {
                throw new PixelDataException("OpenJPEG could not create an encoder");
            }

            using var session = OpenJpeg.Session.ForEncoding(codec, pixels * spp * bps / 2);
            CheckEncode(OpenJpeg.opj_setup_encoder(codec, settings, image), session, "set up the encoder");
            CheckEncode(OpenJpeg.opj_start_compress(codec, image, session.Stream), session, "start encoding");
            CheckEncode(OpenJpeg.opj_encode(codec, session.Stream), session, "encode the frame");
            CheckEncode(OpenJpeg.opj_end_compress(codec, session.Stream), session, "finish encoding");
            return session.Written();
        }
        finally
        {
            NativeMemory.Free(settings);
            OpenJpeg.opj_image_destroy(image);
        }
    }

    /// <summary>Copies the samples into the component planes, keeping Bits Stored bits (sign-extended when signed).</summary>
    private static unsafe void Fill(OpenJpeg.Image* image, ReadOnlySpan<byte> frame, PixelDataInfo info)
    {
        int spp = info.SamplesPerPixel, pixels = info.Rows * info.Columns, bps = info.BytesPerSample;
        int shift = 32 - info.BitsStored;
        bool planar = info.PlanarConfiguration == 1 && spp > 1;
        for (int c = 0; c < spp; c++)
        {
            var data = new Span<int>(image->Comps[c].Data, pixels);
            for (int i = 0; i < pixels; i++)
            {
                int at = planar ? (c * pixels) + i : (i * spp) + c;
                int raw = bps == 1 ? frame[at] : BinaryPrimitives.ReadUInt16LittleEndian(frame[(at * 2)..]);
                data[i] = info.IsSigned ? (raw << shift) >> shift : (int)((uint)(raw << shift) >> shift);
            }
        }
    }

    private static void CheckEncode(int ok, OpenJpeg.Session session, string step)
    {
        if (ok == 0)
        {
            throw new PixelDataException($"OpenJPEG could not {step}: {session.Errors}");
        }
    }
}
