using System.Globalization;

namespace Ricord.CatalogBench;

/// <summary>Rows of Patients, Studies, Series and Instances for <see cref="SyntheticCatalog"/>, with explicit
/// ids and counters that match the rows (collection and site are id 1).</summary>
internal sealed class SyntheticRows(SyntheticCatalog s)
{
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public IEnumerable<(string Table, string[] Columns, IEnumerable<object[]> Rows)> Tables()
    {
        // Instances are laid out contiguously: study k gets instances [k*n/S, (k+1)*n/S).
        long StudyStart(int k) => (long)k * s.Instances / s.Studies;
        var seriesBase = new long[s.Studies + 1];
        for (var k = 0; k < s.Studies; k++)
        {
            seriesBase[k + 1] = seriesBase[k] + SyntheticCatalog.SeriesPerStudy(k);
        }

        yield return ("Patients", ["Id", "CollectionId", "SiteId", "PseudonymousId", "Sex", "Age", "CreatedAt"],
            Enumerable.Range(0, s.Patients).Select(p => new object[] { p + 1L, 1L, 1L, SyntheticCatalog.PatientId(p), p % 2 == 0 ? "F" : "M", "050Y", Now }));

        yield return ("Studies", ["Id", "CollectionId", "SiteId", "PatientId", "StudyInstanceUid", "StudyDate", "StudyTime", "AccessionNumber",
            "StudyDescription", "ModalitiesInStudy", "NumberOfSeries", "NumberOfInstances", "CreatedAt"],
            Enumerable.Range(0, s.Studies).Select(k => new object[]
            {
                k + 1L, 1L, 1L, (long)(k % s.Patients) + 1, Uid(1, k), SyntheticCatalog.StudyDate(k), "101500", Inv($"A{k:D8}"),
                SyntheticCatalog.Modality(k) == "CT" ? "CT CHEST WITHOUT CONTRAST" : "XR CHEST PA", SyntheticCatalog.Modality(k),
                SyntheticCatalog.SeriesPerStudy(k), (int)(StudyStart(k + 1) - StudyStart(k)), Now,
            }));

        yield return ("Series", ["Id", "CollectionId", "StudyId", "SeriesInstanceUid", "Modality", "SeriesNumber", "SeriesDescription", "NumberOfInstances", "CreatedAt"],
            Enumerable.Range(0, s.Studies).SelectMany(k => Enumerable.Range(0, SyntheticCatalog.SeriesPerStudy(k)).Select(j =>
            {
                var n = StudyStart(k + 1) - StudyStart(k);
                var per = SyntheticCatalog.SeriesPerStudy(k);
                var count = (int)(n / per + (j < n % per ? 1 : 0));
                return new object[] { seriesBase[k] + j + 1, 1L, k + 1L, Uid(2, (int)(seriesBase[k] + j)), SyntheticCatalog.Modality(k), j + 1, "Series", count, Now };
            })));

        yield return ("Instances", ["Id", "CollectionId", "StudyId", "SeriesId", "SopInstanceUid", "SopClassUid", "InstanceNumber", "TransferSyntaxUid",
            "BlobKey", "Size", "ContentHash", "Rows", "Columns", "ImagePositionZ", "ReceivedAt"],
            Enumerable.Range(0, s.Studies).SelectMany(k => Range(StudyStart(k), StudyStart(k + 1)).Select(i =>
            {
                var per = SyntheticCatalog.SeriesPerStudy(k);
                var j = (i - StudyStart(k)) % per;
                var hash = Hash(i);
                return new object[]
                {
                    i + 1, 1L, k + 1L, seriesBase[k] + j + 1, Uid(3, i), "1.2.840.10008.5.1.4.1.1.2", (int)((i - StudyStart(k)) / per) + 1,
                    "1.2.840.10008.1.2.1", "instances/" + hash, 525_000L, hash, 512, 512, -0.625 * (i - StudyStart(k)), Now,
                };
            })));
    }

    private static IEnumerable<long> Range(long from, long to)
    {
        for (var i = from; i < to; i++)
        {
            yield return i;
        }
    }

    private static string Uid(int level, long n) => Inv($"2.25.4242.{level}.{n}");

    private static string Hash(long i)
    {
        var x = (ulong)i * 0x9E3779B97F4A7C15UL;
        return Inv($"{x:x16}{x ^ 0xDEADBEEF:x16}{~x:x16}{x >> 3:x16}");
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
