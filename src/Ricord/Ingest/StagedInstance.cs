using Ricord.Catalog;
using Ricord.Storage;

namespace Ricord.Ingest;

/// <summary>An instance prepared by a worker and waiting for its group commit: the de-identified bytes in a blob
/// draft (not yet durable) and the catalog record that will reference them.</summary>
internal sealed record StagedInstance(IngestItem Item, BlobDraft Draft, InstanceRecord Record);

/// <summary>An item a worker refused, waiting for the quarantine stage: the bytes as received (a copy of the pooled
/// input) and the reason.</summary>
internal sealed record Refusal(IngestItem Item, byte[] Bytes, QuarantineReason Reason, string Detail);
