using Ricord.Annotation.Reads;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>A read as it stood after one change (see <see cref="ReadVersion"/>).</summary>
public sealed record ReadHistoryEntry(int Version, ReadState State, DateTime SavedAt, string SavedBy, ReadContent Content);
