using Ricord.Catalog;
using Ricord.Deid;
using Ricord.Storage;

namespace Ricord.Ingest;

/// <summary>An instance prepared by a worker and waiting for its group commit: the de-identified bytes in a blob
/// draft (not yet durable) and the catalog record that will reference them.</summary>
internal sealed record StagedInstance(IngestItem Item, BlobDraft Draft, InstanceRecord Record, Lane Lane);

/// <summary>An item a worker refused, waiting for the quarantine stage: the bytes as received (a copy of the pooled
/// input) and the reason.</summary>
internal sealed record Refusal(IngestItem Item, byte[] Bytes, QuarantineReason Reason, string Detail, Lane Lane);

/// <summary>One input of a run as the stages see it: its options, its de-identification context and its own counts
/// (which add up into the run's report).</summary>
internal sealed record Lane(IngestOptions Options, DeidContext Context, IngestReport Report);
