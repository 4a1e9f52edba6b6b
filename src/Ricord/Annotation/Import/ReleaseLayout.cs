namespace Ricord.Annotation.Import;

/// <summary>How a published release's DICOM files are laid out on disk (RICORD.md §2.2); informative only, files are indexed by header.</summary>
public enum ReleaseLayout
{
    /// <summary>No files, or names that follow neither layout.</summary>
    Unknown,

    /// <summary>TCIA/NBIA: <c>&lt;Collection&gt;/&lt;PatientID&gt;/&lt;MM-DD-YYYY&gt;-…-&lt;5 digits&gt;/&lt;SeriesNumber&gt;-…-&lt;5 digits&gt;/1-001.dcm</c>.</summary>
    TciaNbia,

    /// <summary>MD.ai: <c>&lt;StudyUID&gt;/&lt;SeriesUID&gt;/&lt;SOPUID&gt;.dcm</c>.</summary>
    MdaiUid,

    /// <summary>Both layouts, or one of them plus other names.</summary>
    Mixed,
}
