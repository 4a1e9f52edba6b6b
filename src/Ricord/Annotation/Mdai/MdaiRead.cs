using Ricord.Annotation.Reads;

namespace Ricord.Annotation.Mdai;

/// <summary>What one reader (group name or creator id, see <see cref="MdaiReaderKey"/>) said about one study.</summary>
public sealed record MdaiRead(string StudyInstanceUid, string Reader, bool IsAdjudication, ReadContent Content);
