using System.Runtime.InteropServices;

namespace Ricord.Dicom.Imaging;

/// <summary>Finds a codec's shared library at run time by its SONAME; a missing one gives an error naming the package to install.</summary>
internal static class NativeCodecLibrary
{
    public static bool IsAvailable(string soname)
    {
        if (!NativeLibrary.TryLoad(soname, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }

    public static PixelDataException Missing(string what, string soname, string package, Exception inner) =>
        new($"{what} needs the native library {soname}, which could not be loaded; install it (Debian/Ubuntu: apt-get install {package})", inner);
}
