namespace Ricord.Dicom;

/// <summary>The double-byte sets used by DICOM's ISO 2022 code extensions (PS3.3 Table C.12-4).</summary>
internal static partial class DoubleByteTables
{
    private static readonly Lazy<DoubleByteTable> LazyJisX0208 = new(() => new DoubleByteTable("JIS X 0208", JisX0208Chars));
    private static readonly Lazy<DoubleByteTable> LazyJisX0212 = new(() => new DoubleByteTable("JIS X 0212", JisX0212Chars));
    private static readonly Lazy<DoubleByteTable> LazyKsX1001 = new(() => new DoubleByteTable("KS X 1001", KsX1001Chars));
    private static readonly Lazy<DoubleByteTable> LazyGb2312 = new(() => new DoubleByteTable("GB 2312", Gb2312Chars));

    public static DoubleByteTable JisX0208 => LazyJisX0208.Value;

    public static DoubleByteTable JisX0212 => LazyJisX0212.Value;

    public static DoubleByteTable KsX1001 => LazyKsX1001.Value;

    public static DoubleByteTable Gb2312 => LazyGb2312.Value;
}
