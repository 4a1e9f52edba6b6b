namespace Ricord.Diagnostics;

/// <summary>The names of Ricord's meters (System.Diagnostics.Metrics), for listeners and exporters. Tags carry only
/// codes (outcome, reason, query kind), never a value that came in with the data.</summary>
public static class RicordMeters
{
    public const string Ingest = "Ricord.Ingest";
    public const string Deid = "Ricord.Deid";
    public const string Catalog = Ricord.Catalog.CatalogMetrics.MeterName;
}
