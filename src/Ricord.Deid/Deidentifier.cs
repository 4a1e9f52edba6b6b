using System.Runtime.CompilerServices;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// Applies a <see cref="DeidProfile"/> (PS3.15 Annex E) to data sets: every action code, recursively
/// into every sequence item at any depth; private elements off the allowlist removed; UIDs remapped
/// with the link table's key; dates shifted by the patient's offset; PatientID and PatientName set
/// to the pseudonym; the de-identification attributes written. Thread-safe.
/// </summary>
public sealed partial class Deidentifier
{
    private readonly CompiledProfile _rules;
    private readonly ConditionalWeakTable<ILinkTable, UidRemapper> _remappers = [];
    private readonly StudyIdentifierMemory _studies = new();

    private readonly PixelRules _pixelRules;
    private readonly IdentityElements _identity;

    public Deidentifier(DeidProfile? profile = null, PixelRules? pixelRules = null)
    {
        _rules = new CompiledProfile(profile ?? DeidProfile.Ricord);
        _pixelRules = pixelRules ?? PixelRules.Default;
        _identity = new IdentityElements(_rules.Profile);
    }

    public DeidProfile Profile => _rules.Profile;

    /// <summary>De-identifies <paramref name="dataset"/> in place. Throws <see cref="DeidentificationException"/> (naming tags only) when it cannot.</summary>
    public DeidResult Apply(DicomDataset dataset, DeidContext context)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(context);
        string originalId = OriginalPatientId(dataset);
        if (originalId.Length == 0)
        {
            throw new DeidentificationException("PatientID (0010,0020) is missing or empty: a pseudonym cannot be assigned, so the instance is not de-identified.");
        }

        var risk = BurnedInTextRule.Assess(dataset, _pixelRules);
        string studyUid = OriginalText(dataset, DeidTags.StudyInstanceUID);
        var link = context.LinkTable.GetOrCreatePatient(context.Collection, context.Site, originalId, _rules.Profile.DateShift);
        var run = new DeidRun(link, Remapper(context.LinkTable));
        Walk(dataset, run, 0);
        // The identifying values the walk met (before it changed them), with what other instances of the study said.
        var known = _studies.Resolve(studyUid, run.Sources, _rules);
        ResidualScan.Run(dataset, known, run.Findings);
        WriteIdentity(dataset, run);
        FixCharacterSet(dataset);
        return new DeidResult(link.Pseudonym, run.Removed, run.Replaced, run.Kept, risk) { Findings = run.Findings };
    }

    /// <summary>
    /// For data that was de-identified by its publisher (a public release kept "identifiers as published"): nothing
    /// is remapped, shifted or replaced, but the residual-identifier scan still runs, because input is never trusted.
    /// The identifiers searched for are those the data set still carries in identifying attributes (a physician's or
    /// institution's name, another ID) other than the published PatientID and PatientName; each element holding one —
    /// the attribute itself included — is removed and counted. Returns the findings (paths and counts only).
    /// </summary>
    public DeidFindings ScanPublished(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var findings = new DeidFindings();
        var known = _studies.Merge(OriginalText(dataset, DeidTags.StudyInstanceUID), KnownIdentifiers.From(dataset, _rules, PublishedIdentity));
        ResidualScan.Run(dataset, known, findings, PublishedIdentity);
        return findings;
    }

    /// <summary>The burned-in text risk of <paramref name="dataset"/> under this engine's pixel rules (as <see cref="Apply(DicomDataset, DeidContext)"/> judges it).</summary>
    public BurnedInAnnotationRisk? AssessBurnedInText(DicomDataset dataset) => BurnedInTextRule.Assess(dataset, _pixelRules);

    /// <summary>What a published release keeps as its own identity: PatientID and PatientName (its pseudonym).</summary>
    private static readonly HashSet<uint> PublishedIdentity = [DeidTags.PatientID.Value, DeidTags.PatientName.Value];

    /// <summary>
    /// De-identifies a whole file: the data set in place, and a new file whose meta group is rebuilt
    /// from it (so Media Storage SOP Instance UID follows the remapped SOP Instance UID, and the
    /// source's AE titles and private meta information are gone).
    /// </summary>
    public DeidResult Apply(DicomFile file, DeidContext context, out DicomFile output)
    {
        ArgumentNullException.ThrowIfNull(file);
        var result = Apply(file.Dataset, context);
        output = new DicomFile(file.Dataset, file.TransferSyntax);
        return result;
    }

    /// <summary>
    /// De-identifies a File Meta Information group in place: Media Storage SOP Instance UID remapped
    /// like every other UID; AE titles and private information removed.
    /// </summary>
    public void ApplyToMeta(DicomDataset meta, DeidContext context)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(context);
        var uids = Remapper(context.LinkTable);
        if (meta[DeidTags.MediaStorageSOPInstanceUID] is { } e)
        {
            meta.SetString(DeidTags.MediaStorageSOPInstanceUID, DicomVR.UI, uids.Remap(DicomValueParser.Text(e, DicomCharacterSet.Default)));
        }

        meta.Remove(DeidTags.SourceApplicationEntityTitle);
        meta.Remove(DeidTags.SendingApplicationEntityTitle);
        meta.Remove(DeidTags.ReceivingApplicationEntityTitle);
        meta.Remove(DeidTags.PrivateInformationCreatorUID);
        meta.Remove(DeidTags.PrivateInformation);
    }

    /// <summary>PatientID as text, also when an implicit-VR reader left it as UN.</summary>
    private static string OriginalPatientId(DicomDataset ds) => OriginalText(ds, DeidTags.PatientID);

    /// <summary>The PatientID <see cref="Apply(DicomDataset, DeidContext)"/> links <paramref name="dataset"/> by ("" when none).</summary>
    internal static string OriginalPatientIdOf(DicomDataset dataset) => OriginalPatientId(dataset);

    /// <summary>The first value of a text element, also when an implicit-VR reader left it as UN.</summary>
    private static string OriginalText(DicomDataset ds, DicomTag tag)
    {
        if (ds[tag] is not { } e)
        {
            return "";
        }

        string text = e.VR == DicomVR.UN ? ds.CharacterSet.Decode(e.Bytes, DicomVR.LO) : ds.GetText(tag) ?? "";
        int backslash = text.IndexOf('\\', StringComparison.Ordinal);
        return (backslash < 0 ? text : text[..backslash]).Trim(' ', '\0');
    }

    /// <summary>The new UID for <paramref name="originalUid"/> under this profile's root and the table's key.</summary>
    public string RemapUid(string originalUid, ILinkTable linkTable) => Remapper(linkTable).Remap(originalUid);

    private UidRemapper Remapper(ILinkTable table) =>
        _remappers.GetValue(table, t => new UidRemapper(_rules.Profile.UidRoot, t.GetKey()));

    /// <summary>Counters and per-call state for one data set.</summary>
    private sealed class DeidRun(PatientLink link, UidRemapper uids)
    {
        public PatientLink Link { get; } = link;

        public UidRemapper Uids { get; } = uids;

        public int Removed { get; set; }

        public int Replaced { get; set; }

        public int Kept { get; set; }

        public DeidFindings Findings { get; } = new();

        /// <summary>Identifying values as the walk met them, for the residual-identifier scan.</summary>
        public List<StudyIdentifierMemory.Source> Sources { get; } = new(16);

        /// <summary>The sequences the walk is inside, outermost first (named only when a finding needs the path).</summary>
        public List<DicomTag> Path { get; } = new(4);

        public string PathOf(DicomTag tag) => DeidFindings.PathOf(Path, tag);
    }
}
