using System.Globalization;

namespace Ricord.Catalog;

/// <summary>Opaque page tokens: "yyyyMMdd.id" for studies (their order is StudyDate desc, Id desc), "id" otherwise.</summary>
internal static class KeysetCursor
{
    public static string ForStudy(DateOnly date, long id) =>
        string.Create(CultureInfo.InvariantCulture, $"{date:yyyyMMdd}.{id}");

    public static (DateOnly Date, long Id) ParseStudy(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot == 8
            && DateOnly.TryParseExact(token.AsSpan(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && long.TryParse(token.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (date, id);
        }

        throw new CatalogQueryException($"'{token}' is not a study page token; pass the Next value of the previous page.");
    }

    public static string ForId(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static long ParseId(string token) =>
        long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new CatalogQueryException($"'{token}' is not a page token; pass the Next value of the previous page.");
}
