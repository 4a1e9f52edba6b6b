using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>
/// Progress of a project: studies, studies whose reader reads are all submitted, studies waiting for an adjudicator
/// (null when no <see cref="IAdjudicationRule"/> is configured), studies adjudicated, and each member's reads.
/// </summary>
public sealed record ProjectStatus(
    string Name,
    string Collection,
    string SchemaName,
    int SchemaVersion,
    int ReadersPerStudy,
    AdjudicationTrigger Trigger,
    string? Modalities,
    int Studies,
    int StudiesComplete,
    int? AdjudicationPending,
    int Adjudicated,
    IReadOnlyList<MemberProgress> Members);
