using System.Buffers.Binary;
using System.Globalization;

namespace Ricord.Dicom.Imaging;

/// <summary>
/// Changes a file's transfer syntax, decoding and re-encoding pixel data as needed: every frame is decoded with the
/// source syntax's codec (or read natively) and encoded with the target's, and the Image Pixel attributes that
/// depend on the encoding follow (PS3.5 8.2, PS3.3 C.7.6.3, C.7.6.1.1.5).
/// </summary>
public static class DicomTranscoder
{
    private static readonly DicomTag PixelDataTag = new(0x7FE0, 0x0010);
    private static readonly DicomTag PhotometricTag = new(0x0028, 0x0004);
    private static readonly DicomTag PlanarTag = new(0x0028, 0x0006);
    private static readonly DicomTag LossyTag = new(0x0028, 0x2110);
    private static readonly DicomTag LossyRatioTag = new(0x0028, 0x2112);
    private static readonly DicomTag LossyMethodTag = new(0x0028, 0x2114);
    private static readonly DicomTag ExtendedOffsetTableTag = new(0x7FE0, 0x0001);
    private static readonly DicomTag ExtendedOffsetTableLengthsTag = new(0x7FE0, 0x0002);

    /// <summary>
    /// A new file in <paramref name="target"/>; the source is not changed. Throws a <see cref="PixelDataException"/>
    /// when a codec is missing: Ricord encodes RLE Lossless, JPEG Lossless and JPEG 2000 Lossless.
    /// </summary>
    public static DicomFile Transcode(DicomFile file, DicomTransferSyntax target)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(target);
        var source = file.TransferSyntax;
        var dataset = file.Dataset.Clone();
        var pixels = dataset[PixelDataTag];
        bool sourceNative = pixels is not DicomFragmentSequence;
        if (pixels is null || source == target || (sourceNative && !target.IsEncapsulated))
        {
            return Rewrap(file, dataset, target); // no pixel re-encoding needed
        }

        var info = PixelDataInfo.FromDataset(dataset);
        var (frames, decodedInfo) = sourceNative ? ReadNative(dataset, info, source) : Decode(dataset, info, source);
        dataset.Remove(ExtendedOffsetTableTag);
        dataset.Remove(ExtendedOffsetTableLengthsTag);
        if (info.SamplesPerPixel > 1)
        {
            dataset.SetUInt16(PlanarTag, 0);
        }

        if (!target.IsEncapsulated)
        {
            var all = new byte[frames.Sum(f => (long)f.Length)];
            long at = 0;
            foreach (var f in frames)
            {
                f.CopyTo(all.AsSpan((int)at));
                at += f.Length;
            }

            dataset.Set(new DicomElement(PixelDataTag, info.BitsAllocated > 8 ? DicomVR.OW : DicomVR.OB, all));
            dataset.SetString(PhotometricTag, DicomVR.CS, decodedInfo.PhotometricInterpretation);
            if (source.IsLossy)
            {
                dataset.SetString(LossyTag, DicomVR.CS, "01"); // decoded lossy data stays lossy (C.7.6.1.1.5)
            }

            return Rewrap(file, dataset, target);
        }

        var codec = PixelCodecs.Get(target);
        if (!codec.CanEncode)
        {
            throw new PixelDataException($"Ricord cannot encode {target.Name}; it encodes {string.Join(", ", PixelCodecs.All.Where(c => c.CanEncode).Select(c => c.TransferSyntax.Name))}");
        }

        var encoded = frames.Select(f => Even(codec.Encode(f, decodedInfo))).ToList();
        dataset.Set(new DicomFragmentSequence(PixelDataTag, DicomVR.OB, DicomBuffer.From(OffsetTable(encoded)), encoded.Select(e => DicomBuffer.From(e))));
        dataset.SetString(PhotometricTag, DicomVR.CS, codec.EncodedPhotometricInterpretation(decodedInfo));
        if (target.IsLossy)
        {
            MarkLossy(dataset, target, frames.Sum(f => (long)f.Length), encoded.Sum(e => (long)e.Length));
        }

        return Rewrap(file, dataset, target);
    }

    private static (List<byte[]> Frames, PixelDataInfo Info) ReadNative(DicomDataset dataset, PixelDataInfo info, DicomTransferSyntax source)
    {
        var frames = new List<byte[]>(info.NumberOfFrames);
        for (int i = 0; i < info.NumberOfFrames; i++)
        {
            var frame = DicomPixelData.GetFrame(dataset, i, source).ToArray();
            frames.Add(info.PlanarConfiguration == 1 && info.SamplesPerPixel > 1 ? JpegLSCodec.PlanarToInterleaved(frame, info) : frame);
        }

        return (frames, info with { PlanarConfiguration = 0 });
    }

    private static (List<byte[]> Frames, PixelDataInfo Info) Decode(DicomDataset dataset, PixelDataInfo info, DicomTransferSyntax source)
    {
        var codec = PixelCodecs.Get(source);
        var frames = new List<byte[]>(info.NumberOfFrames);
        for (int i = 0; i < info.NumberOfFrames; i++)
        {
            frames.Add(codec.Decode(DicomPixelData.GetFrame(dataset, i, source).Span, info));
        }

        return (frames, info with { PlanarConfiguration = 0, PhotometricInterpretation = codec.DecodedPhotometricInterpretation(info) });
    }

    /// <summary>Fragments are even-length (PS3.5 A.4); a trailing zero after the end marker is allowed by every codec here.</summary>
    private static byte[] Even(byte[] fragment) => fragment.Length % 2 == 0 ? fragment : [.. fragment, 0];

    /// <summary>Basic Offset Table (PS3.5 A.4): each frame's byte offset from the first fragment's item tag.</summary>
    private static byte[] OffsetTable(List<byte[]> fragments)
    {
        var table = new byte[4 * fragments.Count];
        long offset = 0;
        for (int i = 0; i < fragments.Count; i++)
        {
            if (offset > uint.MaxValue)
            {
                return []; // over 4 GiB: the table cannot say it; readers then find frames by fragment
            }

            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(4 * i), (uint)offset);
            offset += 8 + fragments[i].Length;
        }

        return table;
    }

    /// <summary>PS3.3 C.7.6.1.1.5: once lossy, always "01", with each compression's ratio and method appended.</summary>
    private static void MarkLossy(DicomDataset dataset, DicomTransferSyntax target, long nativeBytes, long encodedBytes)
    {
        string method = target.Uid switch
        {
            "1.2.840.10008.1.2.4.50" or "1.2.840.10008.1.2.4.51" => "ISO_10918_1",
            "1.2.840.10008.1.2.4.81" => "ISO_14495_1",
            "1.2.840.10008.1.2.4.203" => "ISO_15444_15",
            _ => "ISO_15444_1",
        };
        double ratio = encodedBytes == 0 ? 0 : Math.Round((double)nativeBytes / encodedBytes, 2);
        var ratios = dataset.GetStrings(LossyRatioTag);
        var methods = dataset.GetStrings(LossyMethodTag);
        dataset.SetString(LossyTag, DicomVR.CS, "01");
        dataset.SetStrings(LossyRatioTag, DicomVR.DS, [.. ratios, ratio.ToString("0.##", CultureInfo.InvariantCulture)]);
        dataset.SetStrings(LossyMethodTag, DicomVR.CS, [.. methods, method]);
    }

    private static DicomFile Rewrap(DicomFile file, DicomDataset dataset, DicomTransferSyntax target)
    {
        var meta = file.Meta.Clone();
        meta.SetString(new DicomTag(0x0002, 0x0010), DicomVR.UI, target.Uid);
        return new DicomFile(meta, dataset, target, [], null);
    }
}
