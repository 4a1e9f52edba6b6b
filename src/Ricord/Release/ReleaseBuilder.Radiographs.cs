using System.Collections.Concurrent;
using Ricord.Dicom;

namespace Ricord.Release;

public sealed partial class ReleaseBuilder
{
    /// <summary>radiographs/PATIENT/SOP.png or .nii[.gz]: each CR / DX instance of the series as an image
    /// (<see cref="RadiographImage"/>); instances that cannot be one are noted with the reason.</summary>
    private static async Task WriteRadiographsAsync(ReleaseOutput output, List<ReleaseInstance> instances, List<DicomFile> files, string format,
        int gzipThreads, ConcurrentBag<string> issues, CancellationToken ct)
    {
        for (int n = 0; n < instances.Count; n++)
        {
            var instance = instances[n];
            string extension = format == ReleaseSpec.Png ? ".png" : gzipThreads > 0 ? ".nii.gz" : ".nii";
            string path = $"radiographs/{instance.Series.Study.Patient.PatientId}/{instance.SopInstanceUid}{extension}";
            if (!output.TryKeep(path))
            {
                var bytes = RadiographImage.Build(files[n], format, gzipThreads, out string? reason);
                if (bytes is null)
                {
                    issues.Add($"radiograph {instance.SopInstanceUid} has no image: {reason}");
                    continue;
                }

                await output.WriteAsync(path, bytes, ct).ConfigureAwait(false);
            }

            instance.Image = path;
            instance.ImagePhotometric = files[n].Dataset.GetString(DicomTags.PhotometricInterpretation);
        }
    }
}
