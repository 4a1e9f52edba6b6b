namespace Ricord.Release;

/// <summary>The data dictionary: every column of every release table, its type and meaning (data_dictionary.csv).</summary>
internal static class ReleaseDictionary
{
    private const string Patient = "The patient's pseudonym (<COLLECTION>-<SITE>-<NNNNNN>), the same in every table and in the DICOM PatientID.";
    private const string StudyUid = "StudyInstanceUID as in the released DICOM (remapped at de-identification).";
    private const string SeriesUid = "SeriesInstanceUID as in the released DICOM.";
    private const string Site = "Contributing site code.";

    private static readonly (string Table, string Column, string Type, string Description)[] Entries =
    [
        ("instances.csv", "patient_id", "string", Patient),
        ("instances.csv", "study_instance_uid", "uid", StudyUid),
        ("instances.csv", "series_instance_uid", "uid", SeriesUid),
        ("instances.csv", "sop_instance_uid", "uid", "SOPInstanceUID; the file is dicom/<collection>/<patient_id>/<study>/<series>/<sop>.dcm (TCIA layout) or dicom/<study>/<series>/<sop>.dcm (dicomLayout uid)."),
        ("instances.csv", "sop_class_uid", "uid", "SOP Class UID."),
        ("instances.csv", "instance_number", "integer", "Instance Number (0020,0013); not the slice order (see the NIfTI volumes)."),
        ("instances.csv", "transfer_syntax_uid", "uid", "Transfer syntax of the released file (JPEG-LS Lossless or RLE Lossless where the release re-compressed it)."),
        ("instances.csv", "rows", "integer", "Rows (0028,0010)."),
        ("instances.csv", "columns", "integer", "Columns (0028,0011)."),
        ("instances.csv", "path", "path", "The file, relative to the release root."),
        ("instances.csv", "size", "integer", "File size in bytes."),
        ("instances.csv", "sha256", "hex", "SHA-256 of the file (also in manifest.json)."),
        ("instances.csv", "image_photometric", "enum", "With radiographs: the source's Photometric Interpretation. MONOCHROME1 (low values white): kept as stored in NIfTI, inverted within Bits Stored in PNG."),
        ("instances.csv", "image", "path", "With radiographs: the CR/DX instance as a 2D NIfTI-1 image (stored values, scl_slope/scl_inter = Rescale Slope/Intercept) or a 16-bit greyscale PNG (stored values, sBIT = Bits Stored, no rescale)."),
        ("series.csv", "patient_id", "string", Patient),
        ("series.csv", "site", "string", Site),
        ("series.csv", "study_instance_uid", "uid", StudyUid),
        ("series.csv", "series_instance_uid", "uid", SeriesUid),
        ("series.csv", "modality", "string", "Modality (0008,0060)."),
        ("series.csv", "series_number", "integer", "Series Number (0020,0011)."),
        ("series.csv", "series_description", "string", "Series Description (0008,103E), as cleaned at de-identification."),
        ("series.csv", "body_part", "string", "Body Part Examined (0018,0015)."),
        ("series.csv", "instances", "integer", "Instances of the series in the release."),
        ("series.csv", "rows", "integer", "Rows of the first instance."),
        ("series.csv", "columns", "integer", "Columns of the first instance."),
        ("series.csv", "pixel_spacing", "string", "Pixel Spacing (0028,0030) of the first instance: row\\column spacing in mm."),
        ("series.csv", "slice_thickness", "number", "Slice Thickness (0018,0050), mm."),
        ("series.csv", "slice_spacing", "number", "Median distance between neighbouring slice positions along the normal, mm (volumes only)."),
        ("series.csv", "convolution_kernel", "string", "Convolution Kernel (0018,1210)."),
        ("series.csv", "image_type", "string", "Image Type (0008,0008)."),
        ("series.csv", "nifti", "path", "The NIfTI-1 volume (dcm2niix geometry), empty when the series forms none."),
        ("series.csv", "label_map", "path", "The consensus label map (uint8; values in this dictionary under 'label map'), where readers drew on the series."),
        ("series.csv", "seg", "path", "The consensus segmentation as DICOM SEG (binary, one segment per label map value, empty frames omitted), where the label map has voxels."),
        ("series.csv", "volume_status", "enum", "volume: a NIfTI volume was written; excluded: a CT series that forms no volume (see volume_reason); not-ct: other modalities, no volume."),
        ("series.csv", "volume_reason", "string", "Why a CT series has no volume (gap, uneven spacing, gantry tilt, mixed orientation or size, duplicates, localizer, fewer than 2 slices, …)."),
        ("series.csv", "qc_flags", "string", "Volume assembly findings, ';'-separated (empty: none)."),
        ("series.csv", "label_files", "string", "With labelFiles: one binary mask per label (uint8 0/1), <series>_label-<value>, ';'-separated; each label's whole consensus mask, also where labels overlap."),
        ("series.csv", "labelmap_seg", "path", "With labelmapSeg: the consensus as a Label Map Segmentation (Sup 243, SOP class 1.2.840.10008.5.1.4.1.1.66.7): 8-bit frames whose values are the label map values."),
        ("splits.csv", "patient_id", "string", Patient),
        ("splits.csv", "study_instance_uid", "uid", StudyUid),
        ("splits.csv", "site", "string", Site),
        ("splits.csv", "split", "enum", "train, validation or test; every study of a patient has the same split."),
        ("splits.csv", "stratum", "string", "site|consensus label the patient was stratified by ('none': no consensus)."),
        ("labels.csv", "project", "string", "Reading project; its reads are annotations/<project>.json."),
        ("labels.csv", "patient_id", "string", Patient),
        ("labels.csv", "site", "string", Site),
        ("labels.csv", "study_instance_uid", "uid", StudyUid),
        ("labels.csv", "group", "string", "Label group of the project's schema (STUDY scope)."),
        ("labels.csv", "consensus_status", "enum", "agreed, majority, adjudicated, no-consensus, not-available or not-applicable (docs/reading.md)."),
        ("labels.csv", "consensus_label", "string", "The consensus label (exact schema string); empty without consensus."),
        ("labels.csv", "adjudicated", "boolean", "Whether an adjudication read took part in the study's consensus."),
        ("labels.csv", "reads", "integer", "Submitted reader reads of the study."),
        ("labels.csv", "required_reads", "integer", "Reads the project requires per study."),
        ("labels.csv", "reader_labels", "string", "Each reader's label(s) in the group: reader=label, ';'-separated; several labels joined by '|'."),
        ("labels.csv", "votes", "string", "label:count, ';'-separated."),
        ("labels.csv", "agreement", "number", "Share of the reads that gave the consensus label (empty without consensus)."),
        ("clinical.csv", "patient_id", "string", Patient),
        ("withdrawn.csv", "id", "string", "A patient pseudonym, Study or Series Instance UID withdrawn from this and every later version (with everything under it)."),
        ("withdrawn.csv", "reason", "string", "Why it was withdrawn."),
        ("clinical.csv", "site", "string", Site),
    ];

    public static string[] Columns(string table) => [.. Entries.Where(e => e.Table == table).Select(e => e.Column)];

    public static CsvTable Table(IReadOnlyList<string> clinicalColumns, IReadOnlyList<SegmentationLabel> labels)
    {
        var table = new CsvTable("table", "column", "type", "description");
        foreach (var e in Entries)
        {
            table.Add(e.Table, e.Column, e.Type, e.Description);
        }

        foreach (string column in clinicalColumns)
        {
            table.Add("clinical.csv", column, "string", "As the site's clinical sheet gave it, joined to the pseudonym; dates shifted by the patient's offset; identifying columns removed (docs/clinical.md).");
        }

        foreach (var label in labels)
        {
            table.Add("label map", label.Index, "uint8", $"'{label.Name}' (group '{label.Group}'); 0 is background; where labels overlap the higher value is kept.");
        }

        table.Add("*.csv", "*", "note", "UTF-8, comma-separated, RFC 4180 quoting; a text cell starting with = + - @ tab or CR is prefixed with ' so spreadsheets do not run it.");
        return table;
    }
}
