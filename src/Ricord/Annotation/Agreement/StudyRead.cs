using Ricord.Annotation.Reads;

namespace Ricord.Annotation.Agreement;

/// <summary>What one reader submitted for one study, as agreement input.</summary>
public sealed record StudyRead(string Study, string Reader, ReadContent Read);
