using Ricord.Deid;
using Ricord.Dicom;

namespace Ricord.Ingest;

/// <summary>Ingest of a public release whose identifiers are kept as published (<see cref="IdentifierMode.AsPublished"/>).</summary>
public sealed partial class IngestPipeline
{
    /// <summary>
    /// The check a published instance gets in place of the de-identification profile: its identifiers stay, but the input
    /// is not trusted silently. The residual-identifier scan (<see cref="Deidentifier.ScanPublished"/>) removes and counts
    /// what identifies anyone beyond the published PatientID and PatientName (its findings go into the report, never their
    /// values; a hit that cannot be cleaned quarantines the instance), and the burned-in text risk rule is the one the
    /// profile uses (with the engine's own pixel rules): a risk quarantines the instance as
    /// <see cref="Catalog.QuarantineReason.BurnedInAnnotationRisk"/> unless a curator released the same input before.
    /// </summary>
    private (BurnedInAnnotationRisk? Risk, DeidFindings Findings) CheckPublished(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var risk = _deidentifier.AssessBurnedInText(dataset);
        return (risk, _deidentifier.ScanPublished(dataset));
    }
}
