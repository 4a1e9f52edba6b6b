namespace Ricord.Annotation.Consensus;

/// <summary>How many readers gave <see cref="Label"/> (spelt as the schema spells it).</summary>
public sealed record LabelVote(string Label, int Count);
