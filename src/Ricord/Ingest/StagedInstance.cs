using Ricord.Catalog;
using Ricord.Storage;

namespace Ricord.Ingest;

/// <summary>An instance prepared by a worker and waiting for its group commit: the de-identified bytes in a blob
/// draft (not yet durable) and the catalog record that will reference them.</summary>
internal sealed record StagedInstance(IngestItem Item, BlobDraft Draft, InstanceRecord Record);
