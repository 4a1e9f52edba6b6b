namespace Ricord.Ingest;

/// <summary>Items to ingest and the options they are ingested under (one site's folders, say).</summary>
public sealed record IngestInput(IAsyncEnumerable<IngestItem> Items, IngestOptions Options);
