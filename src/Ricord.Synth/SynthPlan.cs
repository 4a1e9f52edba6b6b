namespace Ricord.Synth;

/// <summary>One synthetic patient as planned: everything needed to write its files and truth, no pixels.</summary>
internal sealed record PatientPlan(
    SynthSite Site,
    bool IsCt,
    int Index,
    string Mrn,
    string Name,
    string Sex,
    DateOnly BirthDate,
    string Address,
    string Phone,
    string OtherId,
    string MotherName,
    string Folder,
    ClinicalRecord Clinical,
    IReadOnlyList<StudyPlan> Studies);

/// <summary>One study: UIDs, identifiers, the ground truth and its series.</summary>
internal sealed record StudyPlan(
    string Uid,
    string Accession,
    string StudyId,
    DateTime Start,
    string Description,
    string Referring,
    string Performing,
    string Operator,
    string Station,
    string FreeText,
    int Number,
    string Appearance,
    string? Grade,
    int Zones,
    IReadOnlyList<CtFinding> CtFindings,
    IReadOnlyList<CxrOpacity> CxrOpacities,
    IReadOnlyList<SeriesPlan> Series);

/// <summary>One series; CT geometry in <see cref="Geometry"/>, radiograph parameters in <see cref="Xr"/>.</summary>
internal sealed record SeriesPlan(
    string Uid,
    int Number,
    SynthSeriesKind Kind,
    string Description,
    string FrameOfReferenceUid,
    DateTime Start,
    CtGeometry? Geometry,
    XrParameters? Xr,
    IReadOnlyList<InstancePlan> Instances);

/// <summary>One file. <see cref="Slice"/> indexes the series geometry; defects are set only with --messy.</summary>
internal sealed record InstancePlan(
    string Uid,
    int Number,
    int Slice,
    string Path,
    string? WrongStudyUid = null,
    bool Truncate = false,
    bool Omitted = false);
