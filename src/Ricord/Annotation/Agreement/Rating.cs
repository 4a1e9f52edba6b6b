namespace Ricord.Annotation.Agreement;

/// <summary>One reader's category for one study in one label group (the long form of a <see cref="RatingTable"/>).</summary>
public sealed record Rating(string Study, string Reader, string Category);
