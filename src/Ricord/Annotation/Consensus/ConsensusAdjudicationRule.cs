using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;

namespace Ricord.Annotation.Consensus;

/// <summary>
/// The project's adjudication rule, decided by <see cref="ConsensusEngine.Agreement"/> on the deciding groups:
/// <see cref="AdjudicationTrigger.NoMajority"/> sends a study when the readers have no majority;
/// <see cref="AdjudicationTrigger.AnyDisagreement"/> whenever they are not unanimous. Shapes are not looked at.
/// </summary>
public sealed class ConsensusAdjudicationRule : IAdjudicationRule
{
    private readonly ConsensusEngine _engine = new();

    public bool UsesShapes => false;

    public bool NeedsAdjudication(LabelSchema schema, AdjudicationTrigger trigger, IReadOnlyList<ReadContent> readerReads)
    {
        var agreement = _engine.Agreement(schema, readerReads);
        return trigger switch
        {
            AdjudicationTrigger.NoMajority => agreement == ReaderAgreement.NoMajority,
            AdjudicationTrigger.AnyDisagreement => agreement != ReaderAgreement.Unanimous,
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown adjudication trigger."),
        };
    }
}
