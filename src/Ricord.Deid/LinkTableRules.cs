using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ricord.Deid;

/// <summary>Rules every link table shares: pseudonym format, name checks, and the keyed date offset.</summary>
internal static class LinkTableRules
{
    public const int KeyLength = 32;

    public static string Pseudonym(string collection, string site, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{collection}-{site}-{number:D6}");

    /// <summary>Collection and site codes become part of PatientID (LO): upper-case letters, digits and, in a collection
    /// code only, inner '-'. A site code has no '-', so a pseudonym <c>COLLECTION-SITE-NNNNNN</c> reads only one way
    /// (collection <c>A-B</c> with site <c>C</c> and collection <c>A</c> with site <c>B-C</c> cannot both exist); ingest's
    /// blob clean-up relies on identical de-identified bytes belonging to one collection (docs/ingest.md).</summary>
    public static void ValidateCode(string value, string what)
    {
        if (RegistryCodes.Problem(value, site: what == "site") is { } problem)
        {
            throw new DeidentificationException(problem);
        }
    }

    public static void ValidatePatientId(string originalPatientId)
    {
        if (string.IsNullOrWhiteSpace(originalPatientId))
        {
            throw new DeidentificationException("PatientID (0010,0020) is empty: a pseudonym cannot be assigned.");
        }
    }

    /// <summary>HMAC-SHA256(key, collection|site|id), reduced into the range: random-looking, reproducible with the key.</summary>
    public static int DateOffset(ReadOnlySpan<byte> key, string collection, string site, string originalPatientId, DateShiftRange range)
    {
        range.Validate();
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"date-offset\0{collection}\0{site}\0{originalPatientId}"), mac);
        ulong r = BinaryPrimitives.ReadUInt64LittleEndian(mac);
        ulong span = (ulong)((long)range.MaxDays - range.MinDays + 1);
        return (int)(range.MinDays + (long)(r % span));
    }

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyLength);
}
