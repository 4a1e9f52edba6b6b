using Ricord.Annotation.Mdai;

namespace Ricord.Annotation.Projects;

/// <summary>What an import did, read by read, with the conversion (label matches, unknown labels, warnings) when it
/// started from an MD.ai export, and the assignment pass that followed.</summary>
public sealed record ReadImportReport(string Project, IReadOnlyList<ReadImportResult> Results)
{
    public MdaiConversion? Conversion { get; init; }

    /// <summary>The rebalance after the import (null when nothing was written).</summary>
    public AssignmentResult? Assignment { get; init; }

    /// <summary>Readers and adjudicators that joined the project.</summary>
    public IReadOnlyList<string> MembersAdded { get; init; } = [];

    public int Count(ReadImportOutcome outcome) => Results.Count(r => r.Outcome == outcome);

    /// <summary>Every read was imported, unchanged or replaced.</summary>
    public bool AllStored => Results.All(Stored);

    /// <summary>Reads kept with flags (<see cref="ReadImportOptions.AsPublished"/>: conflicts, out-of-scope labels).</summary>
    public int Flagged => Results.Count(r => Stored(r) && r.Messages.Count > 0);

    public bool Stored(ReadImportResult result) =>
        result?.Outcome is ReadImportOutcome.Imported or ReadImportOutcome.Unchanged or ReadImportOutcome.Replaced;
}
