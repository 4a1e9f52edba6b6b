using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Ricord.Dicom.Imaging;

internal static unsafe partial class OpenJpeg
{
    /// <summary>
    /// A codec and a memory stream, with the error messages OpenJPEG reports, freed together. The stream's user
    /// data is a GC handle to this object, so the callbacks reach the managed buffer without pinning it for long.
    /// </summary>
    public sealed class Session : IDisposable
    {
        private readonly List<string> _errors = [];
        private GCHandle _self;
        private byte[] _buffer;
        private int _length;
        private int _position;
        private readonly bool _input;

        private Session(IntPtr codec, byte[] buffer, int length, bool input)
        {
            Codec = codec;
            _input = input;
            _buffer = buffer;
            _length = length;
            _self = GCHandle.Alloc(this);
            void* self = (void*)GCHandle.ToIntPtr(_self);
            opj_set_error_handler(codec, &OnError, self);
            Stream = opj_stream_create(64 * 1024, input ? 1 : 0);
            if (input)
            {
                opj_stream_set_read_function(Stream, &Read);
                opj_stream_set_user_data_length(Stream, (ulong)length);
            }
            else
            {
                opj_stream_set_write_function(Stream, &Write);
            }

            opj_stream_set_skip_function(Stream, &Skip);
            opj_stream_set_seek_function(Stream, &Seek);
            opj_stream_set_user_data(Stream, self, IntPtr.Zero);
        }

        public IntPtr Codec { get; }

        public IntPtr Stream { get; }

        public string Errors => _errors.Count == 0 ? "no detail given" : string.Join("; ", _errors);

        public static Session ForDecoding(IntPtr codec, byte[] source) => new(codec, source, source.Length, true);

        public static Session ForEncoding(IntPtr codec, int capacity) => new(codec, new byte[Math.Max(capacity, 1024)], 0, false);

        public byte[] Written() => _buffer.AsSpan(0, _length).ToArray();

        public void Dispose()
        {
            opj_stream_destroy(Stream);
            opj_destroy_codec(Codec);
            _self.Free();
        }

        private static Session From(void* data) => (Session)GCHandle.FromIntPtr((IntPtr)data).Target!;

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static void OnError(byte* message, void* data) =>
            From(data)._errors.Add(Marshal.PtrToStringUTF8((IntPtr)message)?.Trim() ?? "?");

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static nuint Read(void* buffer, nuint count, void* data)
        {
            var s = From(data);
            int n = (int)Math.Min((long)count, s._length - s._position);
            if (n <= 0)
            {
                return unchecked((nuint)(-1)); // end of stream, as OpenJPEG expects
            }

            s._buffer.AsSpan(s._position, n).CopyTo(new Span<byte>(buffer, n));
            s._position += n;
            return (nuint)n;
        }

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static nuint Write(void* buffer, nuint count, void* data)
        {
            var s = From(data);
            int n = (int)count;
            s.EnsureCapacity(s._position + n);
            new ReadOnlySpan<byte>(buffer, n).CopyTo(s._buffer.AsSpan(s._position));
            s._position += n;
            s._length = Math.Max(s._length, s._position);
            return count;
        }

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static long Skip(long count, void* data)
        {
            var s = From(data);
            long target = s._position + count;
            if (s._input)
            {
                target = Math.Clamp(target, 0, s._length);
            }
            else if (target >= 0)
            {
                // Writing: skipping forward past the end extends the output with zeros.
                s.EnsureCapacity((int)target);
                s._length = Math.Max(s._length, (int)target);
            }

            long moved = target - s._position;
            if (target < 0 || (moved == 0 && count != 0))
            {
                return -1; // nothing left to skip: OpenJPEG's end of stream
            }

            s._position = (int)target;
            return moved;
        }

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static int Seek(long offset, void* data)
        {
            var s = From(data);
            if (offset < 0 || offset > s._length)
            {
                return 0;
            }

            s._position = (int)offset;
            return 1;
        }

        private void EnsureCapacity(int size)
        {
            if (size > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(size, _buffer.Length * 2));
            }
        }
    }

    /// <summary>The first bytes say which container: a JP2 file (signature box) or a bare J2K codestream (SOC, SIZ).</summary>
    public static int DetectFormat(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> jp2 = [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20];
        if (data.StartsWith(jp2))
        {
            return CodecJP2;
        }

        if (data.Length >= 4 && data[0] == 0xFF && data[1] == 0x4F && data[2] == 0xFF && data[3] == 0x51)
        {
            return CodecJ2K;
        }

        int shown = Math.Min(8, data.Length);
        var hex = new StringBuilder();
        foreach (byte b in data[..shown])
        {
            hex.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        throw new PixelDataException($"JPEG 2000 frame starts with {hex}, neither a J2K codestream (FF4FFF51) nor a JP2 signature box");
    }
}
