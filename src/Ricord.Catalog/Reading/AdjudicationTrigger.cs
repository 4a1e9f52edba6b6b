namespace Ricord.Catalog;

/// <summary>When a study whose reads are all submitted goes to adjudication; evaluated by an <c>IAdjudicationRule</c> (Annotation/Reading).</summary>
public enum AdjudicationTrigger
{
    /// <summary>Only when the readers have no majority (e.g. a 1-1-1 split on appearance).</summary>
    NoMajority,

    /// <summary>Whenever any two readers disagree.</summary>
    AnyDisagreement,
}
