using Ricord.Annotation.Mdai;

namespace Ricord.Release;

public sealed partial class ReleaseBuilder
{
    /// <summary>dicom/: the stored (de-identified) instances as they are, in TCIA layout.</summary>
    private async Task WriteDicomAsync(ReleaseOutput output, ReleaseSelection selection, ReleaseBuildOptions options, CancellationToken ct)
    {
        long done = 0;
        options.Progress?.Report(new ReleaseProgress("dicom", 0, selection.Instances.Count, output.Bytes));
        await Parallel.ForEachAsync(selection.Instances, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct }, async (instance, c) =>
        {
            if (!output.TryKeep(instance.Path))
            {
                var stream = await _blobs.OpenReadAsync(instance.BlobKey, c).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    await output.CopyAsync(instance.Path, stream, c).ConfigureAwait(false);
                }
            }

            long n = Interlocked.Increment(ref done);
            if (n % 64 == 0 || n == selection.Instances.Count)
            {
                options.Progress?.Report(new ReleaseProgress("dicom", n, selection.Instances.Count, output.Bytes));
            }
        }).ConfigureAwait(false);
        output.Journal.Sync();
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
