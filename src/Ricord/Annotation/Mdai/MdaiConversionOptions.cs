namespace Ricord.Annotation.Mdai;

/// <summary>How <see cref="MdaiReadConverter"/> turns MD.ai annotations into reads.</summary>
public sealed class MdaiConversionOptions
{
    public static MdaiConversionOptions Default { get; } = new();

    public MdaiReaderKey ReaderKey { get; init; } = MdaiReaderKey.ByGroup;

    /// <summary>The label group whose reads are adjudications (matched by <see cref="Schemas.LabelNames.Same"/>).</summary>
    public string AdjudicationGroup { get; init; } = "Adjudication";

    /// <summary>Label groups left out entirely (RICORD-1C's unused <c>Default group</c>).</summary>
    public IReadOnlyCollection<string> ExcludedGroups { get; init; } = ["Default group"];

    /// <summary>
    /// The size (rows, columns) of an image by SOPInstanceUID, from the DICOM headers when they are at hand; the
    /// annotation's own height/width is used otherwise. Needed to rasterise masks and ellipses.
    /// </summary>
    public Func<string, (int Rows, int Columns)?>? ImageSize { get; init; }
}
