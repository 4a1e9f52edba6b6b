using System.IO.Compression;

namespace Ricord.Annotation.Mdai;

public static partial class MdaiJsonReader
{
    /// <summary>Whether the stream starts with a zip local file header (PK\x03\x04); the position is left at 0.</summary>
    private static bool IsZip(FileStream stream)
    {
        Span<byte> magic = stackalloc byte[4];
        int n = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        return n == 4 && magic.SequenceEqual("PK\u0003\u0004"u8);
    }

    /// <summary>The zip's JSON entry: the one entry named *.json, else its one file; anything else is refused by count, never by name.</summary>
    private static MdaiExport ReadZip(FileStream stream, string name, CancellationToken cancellationToken)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new MdaiFormatException("The annotations file looks like a zip archive but cannot be read as one.", e);
        }

        using (zip)
        {
            var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            var json = files.Where(e => e.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).ToList();
            var entry = json.Count == 1 ? json[0] : json.Count == 0 && files.Count == 1 ? files[0]
                : throw new MdaiFormatException($"The annotations zip holds {json.Count} JSON entries ({files.Count} files); it must hold one. Unzip it and name the export.");
            using var content = entry.Open();
            return Read(content, name, cancellationToken);
        }
    }
}
