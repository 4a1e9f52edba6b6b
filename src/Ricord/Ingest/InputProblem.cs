using Ricord.Catalog;

namespace Ricord.Ingest;

/// <summary>Why an input could not be taken as an item at all (a damaged zip archive or entry, a file that cannot be
/// read): it is quarantined with this reason and detail instead of stopping the ingest. The detail never holds a path.</summary>
public sealed record InputProblem(QuarantineReason Reason, string Detail);
