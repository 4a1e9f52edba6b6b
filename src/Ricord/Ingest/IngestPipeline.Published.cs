using Ricord.Deid;
using Ricord.Dicom;

namespace Ricord.Ingest;

/// <summary>Ingest of a public release whose identifiers are kept as published (<see cref="IdentifierMode.AsPublished"/>).</summary>
public sealed partial class IngestPipeline
{
    /// <summary>
    /// The one check a published instance gets in place of the de-identification profile: its identifiers stay, but the
    /// input is not trusted silently. This is the call site of the residual-identifier scan of src/Ricord/Deid (its hits
    /// counted into <paramref name="lane"/>'s report, never their values) and of the burned-in text risk rule; a risk
    /// returned here quarantines the instance as <see cref="Catalog.QuarantineReason.BurnedInAnnotationRisk"/> unless a
    /// curator released the same input before. Until Deid exposes both, nothing is found here.
    /// </summary>
    private static BurnedInAnnotationRisk? CheckPublished(DicomDataset dataset, Lane lane)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(lane);
        return null;
    }
}
