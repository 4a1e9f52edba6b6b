using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>
/// What a curator asks for: the collection's studies (only those with a series of one of <see cref="Modalities"/>
/// when given), the schema (latest version when <see cref="SchemaVersion"/> is null), readers and adjudicators by
/// user name, and <see cref="ReadersPerStudy"/> (default: 3 when every selected study is a radiograph, CR/DX; else 1).
/// </summary>
public sealed record ReadingProjectDefinition(
    string Name,
    string Collection,
    string SchemaName,
    int? SchemaVersion = null,
    int? ReadersPerStudy = null,
    IReadOnlyList<string>? Readers = null,
    IReadOnlyList<string>? Adjudicators = null,
    AdjudicationTrigger Trigger = AdjudicationTrigger.NoMajority,
    IReadOnlyList<string>? Modalities = null);
