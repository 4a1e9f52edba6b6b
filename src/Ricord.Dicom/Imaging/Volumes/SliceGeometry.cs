using Ricord.Dicom.Imaging.Rendering;

namespace Ricord.Dicom.Imaging.Volumes;

/// <summary>The geometry attributes of one instance, read once (PS3.3 C.7.6.2, C.7.6.3).</summary>
internal sealed record SliceGeometry(
    DicomDataset Dataset, DicomTransferSyntax TransferSyntax, string SopInstanceUid, Vector3 Position, Vector3 RowDirection,
    Vector3 ColumnDirection, double RowSpacing, double ColumnSpacing, int Rows, int Columns, long? AcquisitionNumber, long? InstanceNumber)
{
    private static readonly DicomTag SopInstanceUidTag = new(0x0008, 0x0018);
    private static readonly DicomTag AcquisitionNumberTag = new(0x0020, 0x0012);
    private static readonly DicomTag InstanceNumberTag = new(0x0020, 0x0013);
    private static readonly DicomTag ImagePositionTag = new(0x0020, 0x0032);
    private static readonly DicomTag ImageOrientationTag = new(0x0020, 0x0037);
    private static readonly DicomTag RowsTag = new(0x0028, 0x0010);
    private static readonly DicomTag ColumnsTag = new(0x0028, 0x0011);
    private static readonly DicomTag PixelSpacingTag = new(0x0028, 0x0030);

    /// <summary>row direction × column direction (PS3.3 C.7.6.2.1.1).</summary>
    public Vector3 Normal => RowDirection.Cross(ColumnDirection).Normalized();

    public static string SopUid(DicomDataset ds) => AttributeValues.Text(ds, SopInstanceUidTag) ?? "";

    /// <summary>The geometry, or null with the reason when an attribute is missing or malformed.</summary>
    public static SliceGeometry? Read(DicomDataset ds, DicomTransferSyntax ts, out string? problem)
    {
        try
        {
            double[] ipp = AttributeValues.Decimals(ds, ImagePositionTag), iop = AttributeValues.Decimals(ds, ImageOrientationTag), ps = AttributeValues.Decimals(ds, PixelSpacingTag);
            int rows = AttributeValues.UShort(ds, RowsTag) ?? 0, columns = AttributeValues.UShort(ds, ColumnsTag) ?? 0;
            problem = ipp.Length < 3 ? "no Image Position (Patient)"
                : iop.Length < 6 ? "no Image Orientation (Patient)"
                : ps.Length < 2 || ps[0] <= 0 || ps[1] <= 0 ? "no valid Pixel Spacing"
                : rows <= 0 || columns <= 0 ? "no Rows / Columns"
                : null;
            if (problem is not null)
            {
                return null;
            }

            var row = new Vector3(iop[0], iop[1], iop[2]);
            var column = new Vector3(iop[3], iop[4], iop[5]);
            if (row.Length < 0.5 || column.Length < 0.5 || Math.Abs(row.Normalized().Dot(column.Normalized())) > 0.01)
            {
                problem = "Image Orientation (Patient) is not two orthogonal unit vectors";
                return null;
            }

            return new SliceGeometry(ds, ts, SopUid(ds), new Vector3(ipp[0], ipp[1], ipp[2]), row.Normalized(), column.Normalized(),
                ps[0], ps[1], rows, columns, AttributeValues.Integer(ds, AcquisitionNumberTag), AttributeValues.Integer(ds, InstanceNumberTag));
        }
        catch (FormatException e)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>Same orientation (within 0.5°), matrix and pixel spacing (within 0.001 mm).</summary>
    public bool SameStackShape(SliceGeometry o) =>
        SameOrientation(o) && SameSize(o);

    public bool SameOrientation(SliceGeometry o) =>
        RowDirection.AxisAngleTo(o.RowDirection) < 0.5 && ColumnDirection.AxisAngleTo(o.ColumnDirection) < 0.5
        && RowDirection.Dot(o.RowDirection) > 0 && ColumnDirection.Dot(o.ColumnDirection) > 0;

    public bool SameSize(SliceGeometry o) =>
        Rows == o.Rows && Columns == o.Columns && Math.Abs(RowSpacing - o.RowSpacing) < 1e-3 && Math.Abs(ColumnSpacing - o.ColumnSpacing) < 1e-3;
}
