using Ricord.Catalog;
using Ricord.Deid;
using Ricord.Storage;

namespace Ricord.Ingest;

/// <summary>Makes ingest pipelines over the container's stores: one per run, since a pipeline holds the run's
/// de-identification profile. <paramref name="catalog"/> is what the pipeline writes to (<c>AddRicord</c> gives the
/// observed catalog, so writes are logged and counted); <paramref name="reservePath"/> the disk-space reserve file.</summary>
public sealed class IngestPipelineFactory(ICatalog catalog, IBlobStore blobs, ILinkTable linkTable, QuarantineVault vault, string reservePath)
{
    public IngestPipeline Create(DeidProfile? profile = null) =>
        new(catalog, blobs, new Deidentifier(profile), linkTable, vault) { Reserve = new SpaceReserve(reservePath) };
}
