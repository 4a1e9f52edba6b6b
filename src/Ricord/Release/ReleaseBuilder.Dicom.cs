using Ricord.Annotation.Mdai;
using Ricord.Dicom;

namespace Ricord.Release;

public sealed partial class ReleaseBuilder
{
    /// <summary>dicom/: the stored (de-identified) instances, in TCIA or by-UID layout, as they are or losslessly
    /// re-compressed (<see cref="DicomRecompression"/>; the instances kept as stored are noted in <paramref name="issues"/>).</summary>
    private async Task WriteDicomAsync(ReleaseOutput output, ReleaseSelection selection, ReleaseBuildOptions options, List<string> issues, CancellationToken ct)
    {
        long done = 0;
        var target = options.Spec.Recompress is { } r ? DicomRecompression.Target(r) : null;
        var kept = new System.Collections.Concurrent.ConcurrentBag<string>();
        options.Progress?.Report(new ReleaseProgress("dicom", 0, selection.Instances.Count, output.Bytes));
        await Parallel.ForEachAsync(selection.Instances, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct }, async (instance, c) =>
        {
            if (output.TryKeep(instance.Path))
            {
                // Written before the build was interrupted: instances.csv names the syntax the kept file is in.
                instance.WrittenTransferSyntaxUid = target is null ? null
                    : DicomFile.Open(Path.Combine(output.Root, instance.Path)).TransferSyntax.Uid is var uid && uid == target.Uid ? uid : null;
            }
            else
            {
                var stream = await _blobs.OpenReadAsync(instance.BlobKey, c).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    if (target is null)
                    {
                        await output.CopyAsync(instance.Path, stream, c).ConfigureAwait(false);
                    }
                    else
                    {
                        using var original = new MemoryStream();
                        await stream.CopyToAsync(original, c).ConfigureAwait(false);
                        var bytes = original.GetBuffer().AsMemory(0, (int)original.Length);
                        var recompressed = DicomRecompression.Recompress(bytes, target, out string? reason);
                        await output.WriteAsync(instance.Path, recompressed ?? bytes, c).ConfigureAwait(false);
                        instance.WrittenTransferSyntaxUid = recompressed is null ? null : target.Uid;
                        if (reason is not null)
                        {
                            kept.Add(reason);
                        }
                    }
                }
            }

            long n = Interlocked.Increment(ref done);
            if (n % 64 == 0 || n == selection.Instances.Count)
            {
                options.Progress?.Report(new ReleaseProgress("dicom", n, selection.Instances.Count, output.Bytes));
            }
        }).ConfigureAwait(false);
        output.Journal.Sync();
        issues.AddRange(kept.CountBy(k => k).OrderBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => $"{k.Value} instance(s) kept as stored, not re-compressed as {target!.Name}: {k.Key}"));
    }

    /// <summary>annotations/: each project's submitted reads as MD.ai JSON (fixed timestamps), which `ricord read import` takes back.</summary>
    private static async Task WriteAnnotationsAsync(ReleaseOutput output, List<ReleaseProject> projects, CancellationToken ct)
    {
        foreach (var project in projects)
        {
            using var buffer = new MemoryStream();
            MdaiJsonWriter.Write(project.Export, buffer, ct);
            await output.WriteAsync($"annotations/{project.Name}.json", buffer.ToArray(), ct).ConfigureAwait(false);
        }
    }
}
