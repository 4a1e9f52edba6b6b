using Ricord.Annotation.Mdai;
using Ricord.Deid;

namespace Ricord.Annotation.Projects;

/// <summary>How <see cref="ReadImportService"/> imports reads: how the MD.ai export is turned into reads, how its UIDs
/// map to the catalog's, and whether a stored read that differs is replaced.</summary>
public sealed class ReadImportOptions
{
    public static ReadImportOptions Default { get; } = new();

    /// <summary>Reader key (group or creator), adjudication group and excluded groups of the export.</summary>
    public MdaiConversionOptions Conversion { get; init; } = MdaiConversionOptions.Default;

    /// <summary>Maps the export's Study/Series/SOP Instance UIDs to the catalog's; null when the export carries them already.</summary>
    public Func<string, string>? MapUid { get; init; }

    /// <summary>A stored read whose content differs is reopened and resubmitted with the imported content (audited)
    /// instead of being reported as a conflict.</summary>
    public bool Replace { get; init; }

    /// <summary>
    /// Reads of a published release, kept exactly as the release has them: a valid read is never rejected whole (see
    /// <see cref="PublishedReadReview"/>: conflicts and out-of-scope labels are kept and flagged), its readers join the
    /// project as inactive members and no read is assigned to anyone (unstarted reads on the imported studies are dropped).
    /// </summary>
    public bool AsPublished { get; init; }

    /// <summary>Where the reads came from (a file name), for the audit trail.</summary>
    public string? Source { get; init; }

    /// <summary>The UID map for an export made on the site's original UIDs: the keyed hash ingest applied to the images
    /// (<see cref="Deidentifier.RemapUid"/> with this installation's link table).</summary>
    public static Func<string, string> OriginalUids(ILinkTable linkTable, Deidentifier? deidentifier = null)
    {
        ArgumentNullException.ThrowIfNull(linkTable);
        var deid = deidentifier ?? new Deidentifier();
        return uid => deid.RemapUid(uid, linkTable);
    }
}
