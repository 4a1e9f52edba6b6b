using System.CommandLine;
using Ricord.Release;

namespace Ricord.Cli.Commands;

public static partial class ReleaseCommand
{
    /// <summary>`release build`'s optional outputs (docs/release.md, "Options"); each is recorded in the spec.</summary>
    private sealed class BuildOutputOptions
    {
        private readonly Option<string?> _layout = new Option<string?>("--dicom-layout") { Description = "dicom/ folders: tcia (Collection/Patient/Study/Series, the default) or uid (Study/Series)." }
            .AcceptOnlyFromAmong(ReleaseSpec.LayoutTcia, ReleaseSpec.LayoutUid);

        private readonly Option<string?> _recompress = new Option<string?>("--recompress") { Description = "Re-compress dicom/ losslessly (jpeg-ls or rle); each instance's pixels are checked byte for byte against the original before it is written." }
            .AcceptOnlyFromAmong(ReleaseSpec.JpegLs, ReleaseSpec.Rle);

        private readonly Option<bool> _labelFiles = new("--label-files") { Description = "Also one binary NIfTI mask per label (nifti/PATIENT/SERIES_label-N.nii)." };

        private readonly Option<string?> _radiographs = new Option<string?>("--radiographs") { Description = "Also each CR/DX instance as an image: nifti (2D NIfTI-1) or png (16-bit greyscale), in radiographs/PATIENT/." }
            .AcceptOnlyFromAmong(ReleaseSpec.Nifti, ReleaseSpec.Png);

        private readonly Option<bool> _labelmapSeg = new("--labelmap-seg") { Description = "Also a Label Map Segmentation (DICOM Sup 243) per segmented series (seg/PATIENT/SERIES_labelmap.dcm)." };

        private readonly Option<bool> _decathlon = new("--decathlon") { Description = "Also the Medical Segmentation Decathlon layout (decathlon/Task01_NAME: imagesTr, labelsTr, imagesTs, dataset.json)." };

        public void AddTo(Command command)
        {
            command.Options.Add(_layout);
            command.Options.Add(_recompress);
            command.Options.Add(_labelFiles);
            command.Options.Add(_radiographs);
            command.Options.Add(_labelmapSeg);
            command.Options.Add(_decathlon);
        }

        public ReleaseBuildArguments Read(ParseResult parse, ReleaseBuildArguments args) => args with
        {
            DicomLayout = parse.GetValue(_layout),
            Recompress = parse.GetValue(_recompress),
            LabelFiles = parse.GetValue(_labelFiles),
            Radiographs = parse.GetValue(_radiographs),
            LabelmapSeg = parse.GetValue(_labelmapSeg),
            Decathlon = parse.GetValue(_decathlon),
        };
    }
}
