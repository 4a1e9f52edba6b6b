using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Ricord.Dicom.Imaging;

public sealed partial class Jpeg2000Codec
{
    private static unsafe byte[] DecodeNative(byte[] source, PixelDataInfo info)
    {
        int format = OpenJpeg.DetectFormat(source);
        var codec = OpenJpeg.opj_create_decompress(format);
        if (codec == IntPtr.Zero)
        {
            throw new PixelDataException("OpenJPEG could not create a decoder");
        }

        using var session = OpenJpeg.Session.ForDecoding(codec, source);
        void* parameters = NativeMemory.AllocZeroed(OpenJpeg.DecoderParametersSize);
        OpenJpeg.Image* image = null;
        try
        {
            OpenJpeg.opj_set_default_decoder_parameters(parameters);
            Check(OpenJpeg.opj_setup_decoder(codec, parameters), session, "set up the decoder");
            Check(OpenJpeg.opj_read_header(session.Stream, codec, &image), session, "read the header");
            Check(OpenJpeg.opj_decode(codec, session.Stream, image), session, "decode the frame");
            Check(OpenJpeg.opj_end_decompress(codec, session.Stream), session, "finish decoding");
            return Output(image, info);
        }
        finally
        {
            if (image != null)
            {
                OpenJpeg.opj_image_destroy(image);
            }

            NativeMemory.Free(parameters);
        }
    }

    private static unsafe byte[] Output(OpenJpeg.Image* image, PixelDataInfo info)
    {
        int spp = info.SamplesPerPixel, width = info.Columns, height = info.Rows, bps = info.BytesPerSample;
        if (image->NumComps < spp)
        {
            throw new PixelDataException($"JPEG 2000 frame has {image->NumComps} component(s); Samples per Pixel is {spp}");
        }

        if (info.BitsAllocated is not (8 or 16))
        {
            throw new PixelDataException($"JPEG 2000 decoding supports Bits Allocated 8 or 16, not {info.BitsAllocated}");
        }

        var output = new byte[(long)width * height * spp * bps];
        for (int c = 0; c < spp; c++)
        {
            var comp = image->Comps[c];
            if (comp.W != width || comp.H != height)
            {
                throw new PixelDataException($"JPEG 2000 component {c} is {comp.W}x{comp.H}; the data set says {width}x{height} (subsampled components are not supported)");
            }

            if (comp.Prec > info.BitsAllocated)
            {
                throw new PixelDataException($"JPEG 2000 component {c} has {comp.Prec}-bit samples; Bits Allocated is {info.BitsAllocated}");
            }

            var data = new ReadOnlySpan<int>(comp.Data, width * height);
            if (bps == 1)
            {
                for (int p = 0; p < data.Length; p++)
                {
                    output[(p * spp) + c] = (byte)data[p];
                }
            }
            else
            {
                for (int p = 0; p < data.Length; p++)
                {
                    BinaryPrimitives.WriteInt16LittleEndian(output.AsSpan(((p * spp) + c) * 2), (short)data[p]);
                }
            }
        }

        return output;
    }

    private static void Check(int ok, OpenJpeg.Session session, string step)
    {
        if (ok == 0)
        {
            throw new PixelDataException($"OpenJPEG could not {step}: {session.Errors}");
        }
    }
}
