using System.Runtime.InteropServices;

namespace Ricord.Dicom.Imaging;

/// <summary>
/// JPEG-LS lossless and near-lossless decoding, and lossless encoding (ISO 14495-1), through CharLS 2
/// (libcharls.so.2, Debian package libcharls2), loaded at run time.
/// </summary>
public sealed class JpegLSCodec : IPixelCodec
{
    private const string Library = "libcharls.so.2";
    private const string Package = "libcharls2";

    public JpegLSCodec(DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(transferSyntax);
        if (transferSyntax != DicomTransferSyntax.JpegLSLossless && transferSyntax != DicomTransferSyntax.JpegLSNearLossless)
        {
            throw new ArgumentException($"{transferSyntax.Name} is not a JPEG-LS transfer syntax", nameof(transferSyntax));
        }

        TransferSyntax = transferSyntax;
    }

    public DicomTransferSyntax TransferSyntax { get; }

    public bool CanEncode => TransferSyntax == DicomTransferSyntax.JpegLSLossless;

    /// <summary>Whether CharLS can be loaded on this machine.</summary>
    public static bool IsAvailable => NativeCodecLibrary.IsAvailable(Library);

    public byte[] Decode(ReadOnlySpan<byte> frame, PixelDataInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        try
        {
            return DecodeNative(frame.ToArray(), info);
        }
        catch (DllNotFoundException e)
        {
            throw NativeCodecLibrary.Missing("JPEG-LS decoding", Library, Package, e);
        }
    }

    /// <summary>Lossless (NEAR 0): the sample precision P is Bits Stored when every sample fits it, else Bits Allocated
    /// (bits above High Bit, e.g. sign extension, are kept rather than lost), and at least 9 for 16-bit samples; colour
    /// samples interleaved by sample.</summary>
    public byte[] Encode(ReadOnlySpan<byte> frame, PixelDataInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (!CanEncode)
        {
            throw new NotSupportedException($"Ricord encodes JPEG-LS lossless only, not {TransferSyntax.Name}");
        }

        if (info.BitsAllocated is not (8 or 16) || info.BitsStored < 2)
        {
            throw new PixelDataException($"JPEG-LS encoding needs Bits Allocated 8 or 16 and Bits Stored 2 or more, not {info.BitsAllocated}/{info.BitsStored}");
        }

        if (frame.Length < info.FrameSize)
        {
            throw new PixelDataException($"Frame of {frame.Length} bytes is too short for {info.Rows}x{info.Columns}x{info.SamplesPerPixel} samples of {info.BitsAllocated} bits");
        }

        var source = frame[..(int)info.FrameSize].ToArray();
        if (info.SamplesPerPixel > 1 && info.PlanarConfiguration == 1)
        {
            source = PlanarToInterleaved(source, info);
        }

        // At most 8 bits CharLS decodes to one byte per sample: 16-bit containers get at least 9.
        int precision = Math.Max(FitsBitsStored(source, info) ? info.BitsStored : info.BitsAllocated, info.BitsAllocated == 16 ? 9 : 2);
        try
        {
            return EncodeNative(source, info, precision);
        }
        catch (DllNotFoundException e)
        {
            throw NativeCodecLibrary.Missing("JPEG-LS encoding", Library, Package, e);
        }
    }

    private static bool FitsBitsStored(byte[] frame, PixelDataInfo info)
    {
        if (info.BitsStored >= info.BitsAllocated)
        {
            return true;
        }

        if (info.BitsAllocated == 8)
        {
            int limit8 = 1 << info.BitsStored;
            return !frame.Any(b => b >= limit8);
        }

        int limit = 1 << info.BitsStored;
        var samples = MemoryMarshal.Cast<byte, ushort>(frame.AsSpan());
        foreach (ushort v in samples)
        {
            if (v >= limit)
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] EncodeNative(byte[] source, PixelDataInfo info, int precision)
    {
        var encoder = NativeMethods.charls_jpegls_encoder_create();
        if (encoder == IntPtr.Zero)
        {
            throw new PixelDataException("CharLS could not create an encoder");
        }

        try
        {
            var frameInfo = new FrameInfo { Width = (uint)info.Columns, Height = (uint)info.Rows, BitsPerSample = precision, ComponentCount = info.SamplesPerPixel };
            CheckEncode(NativeMethods.charls_jpegls_encoder_set_frame_info(encoder, ref frameInfo));
            CheckEncode(NativeMethods.charls_jpegls_encoder_set_near_lossless(encoder, 0));
            if (info.SamplesPerPixel > 1)
            {
                CheckEncode(NativeMethods.charls_jpegls_encoder_set_interleave_mode(encoder, 2)); // sample-interleaved, as native data is
            }

            CheckEncode(NativeMethods.charls_jpegls_encoder_get_estimated_destination_size(encoder, out nuint size));
            var destination = new byte[(int)size];

            // CharLS keeps the destination pointer until encoding ends: pin it for the whole call.
            var pin = GCHandle.Alloc(destination, GCHandleType.Pinned);
            try
            {
                CheckEncode(NativeMethods.charls_jpegls_encoder_set_destination_buffer(encoder, pin.AddrOfPinnedObject(), size));
                CheckEncode(NativeMethods.charls_jpegls_encoder_encode_from_buffer(encoder, source, (nuint)source.Length, 0));
                CheckEncode(NativeMethods.charls_jpegls_encoder_get_bytes_written(encoder, out nuint written));
                return destination.AsSpan(0, (int)written).ToArray();
            }
            finally
            {
                pin.Free();
            }
        }
        finally
        {
            NativeMethods.charls_jpegls_encoder_destroy(encoder);
        }
    }

    private static void CheckEncode(int error)
    {
        if (error != 0)
        {
            string message = Marshal.PtrToStringAnsi(NativeMethods.charls_get_error_message(error)) ?? "unknown error";
            throw new PixelDataException($"CharLS failed to encode the frame as JPEG-LS: {message} (error {error})");
        }
    }

    private static byte[] DecodeNative(byte[] source, PixelDataInfo info)
    {
        var decoder = NativeMethods.charls_jpegls_decoder_create();
        if (decoder == IntPtr.Zero)
        {
            throw new PixelDataException("CharLS could not create a decoder");
        }

        // CharLS keeps the source pointer until decoding ends: pin it for the whole call.
        var pin = GCHandle.Alloc(source, GCHandleType.Pinned);
        try
        {
            Check(NativeMethods.charls_jpegls_decoder_set_source_buffer(decoder, pin.AddrOfPinnedObject(), (nuint)source.Length));
            Check(NativeMethods.charls_jpegls_decoder_read_header(decoder));
            Check(NativeMethods.charls_jpegls_decoder_get_frame_info(decoder, out var frameInfo));
            Check(NativeMethods.charls_jpegls_decoder_get_interleave_mode(decoder, out int interleave));
            if (frameInfo.Width != info.Columns || frameInfo.Height != info.Rows || frameInfo.ComponentCount != info.SamplesPerPixel)
            {
                throw new PixelDataException(
                    $"JPEG-LS frame is {frameInfo.Width}x{frameInfo.Height} with {frameInfo.ComponentCount} component(s); the data set says {info.Columns}x{info.Rows} with {info.SamplesPerPixel}");
            }

            Check(NativeMethods.charls_jpegls_decoder_get_destination_size(decoder, 0, out nuint size));
            var decoded = new byte[(int)size];
            Check(NativeMethods.charls_jpegls_decoder_decode_to_buffer(decoder, decoded, size, 0));
            int bytesPerSample = frameInfo.BitsPerSample <= 8 ? 1 : 2;
            if (bytesPerSample != info.BytesPerSample)
            {
                throw new PixelDataException($"JPEG-LS frame has {frameInfo.BitsPerSample}-bit samples; Bits Allocated is {info.BitsAllocated}");
            }

            // Interleave mode 0 (none) gives colour-by-plane; native output is colour-by-pixel.
            return interleave == 0 && info.SamplesPerPixel > 1 ? PlanarToInterleaved(decoded, info) : decoded;
        }
        finally
        {
            NativeMethods.charls_jpegls_decoder_destroy(decoder);
            pin.Free();
        }
    }

    internal static byte[] PlanarToInterleaved(byte[] planar, PixelDataInfo info)
    {
        int pixels = info.Rows * info.Columns, bps = info.BytesPerSample, spp = info.SamplesPerPixel;
        var result = new byte[planar.Length];
        for (int s = 0; s < spp; s++)
        {
            for (int p = 0; p < pixels; p++)
            {
                planar.AsSpan(((s * pixels) + p) * bps, bps).CopyTo(result.AsSpan(((p * spp) + s) * bps));
            }
        }

        return result;
    }

    private static void Check(int error)
    {
        if (error != 0)
        {
            string message = Marshal.PtrToStringAnsi(NativeMethods.charls_get_error_message(error)) ?? "unknown error";
            throw new PixelDataException($"CharLS failed to decode the JPEG-LS frame: {message} (error {error})");
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct FrameInfo
    {
        public uint Width;
        public uint Height;
        public int BitsPerSample;
        public int ComponentCount;
    }

    private static class NativeMethods
    {
        [DllImport(Library)]
        public static extern IntPtr charls_jpegls_decoder_create();

        [DllImport(Library)]
        public static extern void charls_jpegls_decoder_destroy(IntPtr decoder);

        [DllImport(Library)]
        public static extern int charls_jpegls_decoder_set_source_buffer(IntPtr decoder, IntPtr source, nuint size);

        [DllImport(Library)]
        public static extern int charls_jpegls_decoder_read_header(IntPtr decoder);

        [DllImport(Library)]
        public static extern int charls_jpegls_decoder_get_frame_info(IntPtr decoder, out FrameInfo frameInfo);

        [DllImport(Library)]
        public static extern int charls_jpegls_decoder_get_interleave_mode(IntPtr decoder, out int mode);

        [DllImport(Library)]
        public static extern int charls_jpegls_decoder_get_destination_size(IntPtr decoder, uint stride, out nuint size);

        [DllImport(Library)]
        public static extern int charls_jpegls_decoder_decode_to_buffer(IntPtr decoder, byte[] destination, nuint size, uint stride);

        [DllImport(Library)]
        public static extern IntPtr charls_get_error_message(int error);

        [DllImport(Library)]
        public static extern IntPtr charls_jpegls_encoder_create();

        [DllImport(Library)]
        public static extern void charls_jpegls_encoder_destroy(IntPtr encoder);

        [DllImport(Library)]
        public static extern int charls_jpegls_encoder_set_frame_info(IntPtr encoder, ref FrameInfo frameInfo);

        [DllImport(Library)]
        public static extern int charls_jpegls_encoder_set_near_lossless(IntPtr encoder, int nearLossless);

        [DllImport(Library)]
        public static extern int charls_jpegls_encoder_set_interleave_mode(IntPtr encoder, int mode);

        [DllImport(Library)]
        public static extern int charls_jpegls_encoder_get_estimated_destination_size(IntPtr encoder, out nuint size);

        [DllImport(Library)]
        public static extern int charls_jpegls_encoder_set_destination_buffer(IntPtr encoder, IntPtr destination, nuint size);

        [DllImport(Library)]
        public static extern int charls_jpegls_encoder_encode_from_buffer(IntPtr encoder, byte[] source, nuint size, uint stride);

        [DllImport(Library)]
        public static extern int charls_jpegls_encoder_get_bytes_written(IntPtr encoder, out nuint written);
    }
}
