using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ricord.Dicom;

/// <summary>
/// Opens a file for reading only if it is a regular file. A folder walk also meets named pipes, sockets and device
/// files (or links to them): opening a pipe blocks until something writes to it, so a reader would hang, and a
/// device is not a DICOM file. On Linux the file is opened without blocking and its type checked on the open descriptor (no
/// race between the check and the read); elsewhere it is opened as usual.
/// </summary>
public static partial class RegularFile
{
    private const int ORdOnly = 0;
    private const int ONonBlock = 0x800;
    private const int OCloExec = 0x80000;
    private const int SIfMt = 0xF000;
    private const int SIfReg = 0x8000;
    private const int ENoEnt = 2;
    private const int EPerm = 1;
    private const int EAcces = 13;

    /// <summary>Where st_mode is in glibc's struct stat; null where this is not known (the type is then not checked).</summary>
    private static readonly int? ModeOffset = !OperatingSystem.IsLinux() ? null : RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 24,
        Architecture.Arm64 => 16,
        _ => null,
    };

    /// <summary>A read handle on the regular file at <paramref name="path"/>. Throws <see cref="NotRegularFileException"/>
    /// for anything else, and the usual exceptions when it cannot be opened (on Linux with no path in their message:
    /// input paths may name patients).</summary>
    public static SafeFileHandle OpenRead(string path)
    {
        if (ModeOffset is not { } offset)
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        int fd = Open(path, ORdOnly | ONonBlock | OCloExec);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                ENoEnt => new FileNotFoundException("The input does not exist."),
                EAcces or EPerm => new UnauthorizedAccessException("Permission denied."),
                _ => new IOException($"The input cannot be opened (errno {errno})."),
            };
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            Span<byte> stat = stackalloc byte[256];
            if (FStat(fd, stat) != 0)
            {
                throw new IOException($"The input's type cannot be read (errno {Marshal.GetLastPInvokeError()}).");
            }

            if ((BinaryPrimitives.ReadInt32LittleEndian(stat[offset..]) & SIfMt) != SIfReg)
            {
                throw new NotRegularFileException();
            }

            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static partial int FStat(int fd, Span<byte> stat);
}
