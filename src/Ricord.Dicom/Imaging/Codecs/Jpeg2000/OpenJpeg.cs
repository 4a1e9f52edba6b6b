using System.Runtime.InteropServices;

namespace Ricord.Dicom.Imaging;

/// <summary>
/// The parts of OpenJPEG 2.5 (libopenjp2.so.7) that Ricord calls. Structures are read by offset: the
/// parameter blocks are large C structs that only the library fills, and we touch a few fields.
/// </summary>
internal static unsafe partial class OpenJpeg
{
    public const string Library = "libopenjp2.so.7";
    public const string Package = "libopenjp2-7";

    public const int CodecJ2K = 0;
    public const int CodecJP2 = 2;
    public const int ColorSpaceUnspecified = 0;
    public const int ColorSpaceSrgb = 1;
    public const int ColorSpaceGray = 2;

    // sizeof(opj_dparameters_t) is 8252 and sizeof(opj_cparameters_t) 18720 in 2.5; room to spare for later versions.
    public const int DecoderParametersSize = 16 * 1024;
    public const int EncoderParametersSize = 32 * 1024;

    // Offsets in opj_cparameters_t (2.5, LP64), checked with offsetof against openjpeg.h.
    public const int CpDistoAllocOffset = 20;
    public const int TcpNumLayersOffset = 4796;
    public const int TcpRatesOffset = 4800;
    public const int NumResolutionOffset = 5600;
    public const int IrreversibleOffset = 5616;
    public const int TcpMctOffset = 18698;

    [StructLayout(LayoutKind.Sequential)]
    public struct Image
    {
        public uint X0;
        public uint Y0;
        public uint X1;
        public uint Y1;
        public uint NumComps;
        public int ColorSpace;
        public ImageComponent* Comps;
        public byte* IccProfile;
        public uint IccProfileLength;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct ImageComponent
    {
        public uint Dx;
        public uint Dy;
        public uint W;
        public uint H;
        public uint X0;
        public uint Y0;
        public uint Prec;
        public uint Bpp;
        public uint Sgnd;
        public uint ResNoDecoded;
        public uint Factor;
        public int* Data;
        public ushort Alpha;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct ComponentParameters
    {
        public uint Dx;
        public uint Dy;
        public uint W;
        public uint H;
        public uint X0;
        public uint Y0;
        public uint Prec;
        public uint Bpp;
        public uint Sgnd;
    }

    [LibraryImport(Library)]
    public static partial IntPtr opj_create_decompress(int format);

    [LibraryImport(Library)]
    public static partial IntPtr opj_create_compress(int format);

    [LibraryImport(Library)]
    public static partial void opj_destroy_codec(IntPtr codec);

    [LibraryImport(Library)]
    public static partial void opj_set_default_decoder_parameters(void* parameters);

    [LibraryImport(Library)]
    public static partial void opj_set_default_encoder_parameters(void* parameters);

    [LibraryImport(Library)]
    public static partial int opj_setup_decoder(IntPtr codec, void* parameters);

    [LibraryImport(Library)]
    public static partial int opj_setup_encoder(IntPtr codec, void* parameters, Image* image);

    [LibraryImport(Library)]
    public static partial int opj_set_error_handler(IntPtr codec, delegate* unmanaged[Cdecl]<byte*, void*, void> handler, void* data);

    [LibraryImport(Library)]
    public static partial int opj_read_header(IntPtr stream, IntPtr codec, Image** image);

    [LibraryImport(Library)]
    public static partial int opj_decode(IntPtr codec, IntPtr stream, Image* image);

    [LibraryImport(Library)]
    public static partial int opj_end_decompress(IntPtr codec, IntPtr stream);

    [LibraryImport(Library)]
    public static partial int opj_start_compress(IntPtr codec, Image* image, IntPtr stream);

    [LibraryImport(Library)]
    public static partial int opj_encode(IntPtr codec, IntPtr stream);

    [LibraryImport(Library)]
    public static partial int opj_end_compress(IntPtr codec, IntPtr stream);

    [LibraryImport(Library)]
    public static partial Image* opj_image_create(uint count, ComponentParameters* parameters, int colorSpace);

    [LibraryImport(Library)]
    public static partial void opj_image_destroy(Image* image);

    [LibraryImport(Library)]
    public static partial IntPtr opj_stream_create(nuint bufferSize, int isInput);

    [LibraryImport(Library)]
    public static partial void opj_stream_destroy(IntPtr stream);

    [LibraryImport(Library)]
    public static partial void opj_stream_set_read_function(IntPtr stream, delegate* unmanaged[Cdecl]<void*, nuint, void*, nuint> function);

    [LibraryImport(Library)]
    public static partial void opj_stream_set_write_function(IntPtr stream, delegate* unmanaged[Cdecl]<void*, nuint, void*, nuint> function);

    [LibraryImport(Library)]
    public static partial void opj_stream_set_skip_function(IntPtr stream, delegate* unmanaged[Cdecl]<long, void*, long> function);

    [LibraryImport(Library)]
    public static partial void opj_stream_set_seek_function(IntPtr stream, delegate* unmanaged[Cdecl]<long, void*, int> function);

    [LibraryImport(Library)]
    public static partial void opj_stream_set_user_data(IntPtr stream, void* data, IntPtr free);

    [LibraryImport(Library)]
    public static partial void opj_stream_set_user_data_length(IntPtr stream, ulong length);
}
