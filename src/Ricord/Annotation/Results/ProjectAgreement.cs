using Ricord.Annotation.Agreement;

namespace Ricord.Annotation.Results;

/// <summary>
/// The agreement of a reading project's readers: the <see cref="AgreementReport"/> (label groups, and segmentation
/// when asked for), the strict-majority consensus mask of every drawn (study, series, label), and what could not
/// be measured (<see cref="Issues"/>: series without geometry, shapes off the volume). <see cref="Studies"/> counts
/// the complete studies measured; <see cref="BlindedStudies"/> those left out because the actor read them.
/// </summary>
public sealed record ProjectAgreement(
    string Project,
    AgreementReport Report,
    IReadOnlyList<ConsensusMask> ConsensusMasks,
    IReadOnlyList<string> Issues,
    int Studies,
    int BlindedStudies);
