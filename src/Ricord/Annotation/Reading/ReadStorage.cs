using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Reads;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>How read content is kept: labels as JSON text in the row, shapes as Brotli-compressed JSON in
/// <see cref="ReadPayload"/> keyed by the SHA-256 of the uncompressed JSON (written once with INSERT … ON CONFLICT DO NOTHING).</summary>
internal static class ReadStorage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string LabelsToJson(IReadOnlyList<ReadLabel> labels) => JsonSerializer.Serialize(labels, Json);

    public static IReadOnlyList<ReadLabel> LabelsFromJson(string json) =>
        JsonSerializer.Deserialize<List<ReadLabel>>(json, Json) ?? [];

    /// <summary>The payload for <paramref name="shapes"/>, or null when there are none.</summary>
    public static ReadPayload? Encode(IReadOnlyList<ReadShape> shapes)
    {
        if (shapes.Count == 0)
        {
            return null;
        }

        var raw = JsonSerializer.SerializeToUtf8Bytes(shapes, Json);
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(raw);
        }

        return new ReadPayload { Hash = Convert.ToHexStringLower(SHA256.HashData(raw)), Data = buffer.ToArray(), Length = raw.Length };
    }

    public static IReadOnlyList<ReadShape> Decode(ReadPayload payload)
    {
        var raw = new byte[payload.Length];
        using (var brotli = new BrotliStream(new MemoryStream(payload.Data), CompressionMode.Decompress))
        {
            brotli.ReadExactly(raw);
        }

        return JsonSerializer.Deserialize<List<ReadShape>>(raw, Json) ?? [];
    }

    /// <summary>Stores the payload unless an identical one is there already (content-addressed, so never overwritten).</summary>
    public static async Task StoreAsync(CatalogDbContext db, ReadPayload payload, CancellationToken ct)
    {
        await CatalogCommand.ExecuteAsync(db,
            """INSERT INTO "ReadPayloads" ("Hash", "Data", "Length") VALUES (@hash, @data, @length) ON CONFLICT ("Hash") DO NOTHING""",
            ct, ("@hash", payload.Hash), ("@data", payload.Data), ("@length", payload.Length)).ConfigureAwait(false);
    }

    /// <summary>The content of a read; shapes only when <paramref name="withShapes"/> (labels alone never touch the payload table).</summary>
    public static async Task<ReadContent> LoadAsync(CatalogDbContext db, string labelsJson, string? shapesHash, bool withShapes, CancellationToken ct)
    {
        var labels = LabelsFromJson(labelsJson);
        if (!withShapes || shapesHash is null)
        {
            return new ReadContent(labels, []);
        }

        var payload = await db.ReadPayloads.AsNoTracking().FirstOrDefaultAsync(p => p.Hash == shapesHash, ct).ConfigureAwait(false)
            ?? throw new ReadingException($"The shapes of a read (payload {shapesHash}) are missing from the catalog.");
        return new ReadContent(labels, Decode(payload));
    }
}
