namespace Ricord.Dicom;

/// <summary>DICOMDIR (PS3.10 8, PS3.3 F.3): records are read in file order; their offsets are only checked.</summary>
internal sealed partial class DicomParser
{
    private List<long>? _directoryRecordOffsets;

    /// <summary>Notes where each directory record starts (its Item tag, counted from the file's first byte).</summary>
    private void NoteItem(DicomSequence sq, long itemPos, int depth)
    {
        if (depth == 0 && !_inflated && sq.Tag == DicomTags.DirectoryRecordSequence)
        {
            (_directoryRecordOffsets ??= []).Add(itemPos);
        }
    }

    /// <summary>
    /// Warns once when a DICOMDIR's record offsets are missing or point at no record start. Readers that follow the
    /// offsets (dcmtk's dcmdir tools, pydicom's FileSet) would refuse or mis-link such a file; Ricord needs none of
    /// them, since every record is read in file order, and carries on.
    /// </summary>
    private void CheckDirectoryOffsets(DicomDataset ds)
    {
        if (ds[DicomTags.DirectoryRecordSequence] is not DicomSequence sq)
        {
            return;
        }

        var starts = new HashSet<long>(_directoryRecordOffsets ?? []);
        int missing = 0, wrong = 0;
        void Check(DicomDataset holder, DicomTag tag)
        {
            long? offset = holder[tag] is { Length: 4 } ? holder.GetLong(tag) : null;
            if (offset is null)
            {
                missing++;
            }
            else if (offset != 0 && !starts.Contains(offset.Value))
            {
                wrong++;
            }
        }

        Check(ds, DicomTags.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity);
        Check(ds, DicomTags.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity);
        foreach (var record in sq.Items)
        {
            Check(record, DicomTags.OffsetOfTheNextDirectoryRecord);
            Check(record, DicomTags.OffsetOfReferencedLowerLevelDirectoryEntity);
        }

        if (missing + wrong > 0)
        {
            Warn(-1, sq.Tag, $"DICOMDIR: {missing} directory record offsets missing and {wrong} pointing at no record start; its {sq.Items.Count} records are read in file order");
        }
    }
}
