namespace Ricord.DeidScoring;

/// <summary>One row of Table E.1-1: the Basic Profile code and the codes of the option columns (by column name, e.g. "cleanDescOpt").</summary>
public sealed record TableE11Row(string Name, string Tag, string Basic, IReadOnlyDictionary<string, string> Options);
