using Ricord.Annotation.Consensus;

namespace Ricord.Annotation.Results;

/// <summary>
/// The consensus of a reading project, study by study (StudyInstanceUID order), as the actor may see it:
/// <see cref="BlindedStudies"/> counts the studies left out because the actor read them (blinding), and
/// <see cref="Studies"/> holds the rest, complete or not. Written as CSV (<see cref="WriteCsv"/>) and JSON (<see cref="WriteJson"/>).
/// </summary>
public sealed partial record ProjectConsensus(
    string Project,
    string SchemaName,
    int SchemaVersion,
    IReadOnlyList<StudyConsensusResult> Studies,
    int BlindedStudies)
{
    /// <summary><see cref="RequiredReadsRule"/> of a project whose reads are a published release's: each study needs the reader
    /// reads the release has for it.</summary>
    public const string AsPublishedRule = "as published: the reader reads the release has per study";

    /// <summary>How each study's <see cref="StudyConsensusResult.RequiredReads"/> was decided: <see cref="AsPublishedRule"/>, or
    /// <see cref="PerProjectRule"/> (the project's readers per study, fewer while fewer readers take part).</summary>
    public string RequiredReadsRule { get; init; } = "";

    public static string PerProjectRule(int reads) => $"per project: {reads.ToString(System.Globalization.CultureInfo.InvariantCulture)} reader reads per study";

    /// <summary>The consensus statuses counted per group over the complete studies, in schema order.</summary>
    public IReadOnlyList<GroupSummary> Summary()
    {
        var groups = new List<string>();
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var g in Studies.Where(s => s.Consensus is not null).SelectMany(s => s.Consensus!.Groups))
        {
            if (!counts.TryGetValue(g.Group, out var c))
            {
                groups.Add(g.Group);
                counts[g.Group] = c = new int[Enum.GetValues<ConsensusStatus>().Length];
            }

            c[(int)g.Status]++;
        }

        return [.. groups.Select(g => new GroupSummary(g, counts[g]))];
    }

    /// <summary>The status as written in CSV, JSON and tables: agreed, majority, adjudicated, no-consensus, not-available, not-applicable.</summary>
    public static string StatusName(ConsensusStatus status) => status switch
    {
        ConsensusStatus.Agreed => "agreed",
        ConsensusStatus.Majority => "majority",
        ConsensusStatus.Adjudicated => "adjudicated",
        ConsensusStatus.NoConsensus => "no-consensus",
        ConsensusStatus.NotAvailable => "not-available",
        _ => "not-applicable",
    };
}
