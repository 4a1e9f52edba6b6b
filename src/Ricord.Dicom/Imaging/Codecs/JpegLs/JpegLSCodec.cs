using System.Runtime.InteropServices;

namespace Ricord.Dicom.Imaging;

/// <summary>
/// JPEG-LS lossless and near-lossless decoding (ISO 14495-1) through CharLS 2 (libcharls.so.2, Debian package
/// libcharls2), loaded at run time.
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

    public bool CanEncode => false;

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

    public byte[] Encode(ReadOnlySpan<byte> frame, PixelDataInfo info) =>
        throw new NotSupportedException("JPEG-LS encoding is not supported yet");

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
    }
}
