namespace Ricord.Catalog;

/// <summary>The study and series counters of a batch, applied once per row at the end of its transaction.</summary>
public sealed partial class DatabaseCatalog
{
    /// <summary>Counters change by atomic increments inside the inserting transaction, so they stay exact under
    /// concurrent writers; rows are updated in id order so that two batches lock them in the same order.</summary>
    private sealed class CounterDeltas
    {
        private readonly SortedDictionary<long, int> _series = [];
        private readonly SortedDictionary<long, (int Instances, int Series, List<string> Modalities)> _studies = [];

        /// <summary>One inserted instance; <paramref name="newSeriesModality"/> is set when it also inserted its series.</summary>
        public void Add(long studyId, long seriesId, string? newSeriesModality)
        {
            _series[seriesId] = _series.GetValueOrDefault(seriesId) + 1;
            (int Instances, int Series, List<string> Modalities) study = _studies.TryGetValue(studyId, out var s) ? s : (0, 0, new List<string>());
            if (newSeriesModality is not null && !study.Modalities.Contains(newSeriesModality))
            {
                study.Modalities.Add(newSeriesModality);
            }

            _studies[studyId] = (study.Instances + 1, study.Series + (newSeriesModality is null ? 0 : 1), study.Modalities);
        }

        public async Task ApplyAsync(CatalogConnection c, CancellationToken ct)
        {
            foreach (var (id, n) in _series)
            {
                await CatalogCommand.ExecuteAsync(c,
                    """UPDATE "Series" SET "NumberOfInstances" = "NumberOfInstances" + @n, "MetadataBlobKey" = NULL WHERE "Id" = @id""",
                    ct, ("@id", id), ("@n", n)).ConfigureAwait(false);
            }

            foreach (var (id, (instances, series, modalities)) in _studies)
            {
                await CatalogCommand.ExecuteAsync(c,
                    """UPDATE "Studies" SET "NumberOfInstances" = "NumberOfInstances" + @n, "NumberOfSeries" = "NumberOfSeries" + @s WHERE "Id" = @id""",
                    ct, ("@id", id), ("@n", instances), ("@s", series)).ConfigureAwait(false);
                foreach (var modality in modalities)
                {
                    await AddModalityAsync(c, id, modality, ct).ConfigureAwait(false);
                }
            }
        }

        /// <summary>Extends the modality list in one UPDATE that reads the row's latest version.</summary>
        private static async Task AddModalityAsync(CatalogConnection c, long studyId, string modality, CancellationToken ct)
        {
            var pattern = "%\\" + modality.Replace("!", "!!", StringComparison.Ordinal).Replace("_", "!_", StringComparison.Ordinal)
                .Replace("%", "!%", StringComparison.Ordinal) + "\\%";
            await CatalogCommand.ExecuteAsync(c,
                """
                UPDATE "Studies" SET "ModalitiesInStudy" = CASE
                  WHEN ('\' || "ModalitiesInStudy" || '\') LIKE @pattern ESCAPE '!' THEN "ModalitiesInStudy"
                  WHEN "ModalitiesInStudy" = '' THEN @m
                  ELSE "ModalitiesInStudy" || '\' || @m END
                WHERE "Id" = @id
                """, ct, ("@id", studyId), ("@m", modality), ("@pattern", pattern)).ConfigureAwait(false);
        }
    }
}
