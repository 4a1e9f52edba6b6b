namespace Ricord.Deid;

/// <summary>
/// The words Clean keeps in free-text descriptors: modalities, anatomy, views, technique and common
/// protocol words. Everything else (names, numbers longer than three digits, places) is dropped.
/// Curated to hold no word that is also a common given name or surname.
/// </summary>
public static class DescriptorVocabulary
{
    public static readonly string[] Words =
    [
        // modalities and techniques
        "CT", "CTA", "MR", "MRI", "MRA", "XR", "CR", "DX", "DR", "US", "NM", "PT", "PET", "SPECT", "MG", "RF", "XA", "OT", "SC",
        "HRCT", "LDCT", "CTPA", "DECT", "SCOUT", "TOPOGRAM", "LOCALIZER", "LOCALISER", "SURVIEW", "SCANOGRAM", "DOSE", "REPORT",
        "RADIOGRAPH", "RADIOGRAPHY", "XRAY", "X-RAY", "FLUORO", "ANGIO", "ANGIOGRAM", "ANGIOGRAPHY", "PERFUSION", "DIFFUSION",
        // anatomy
        "CHEST", "THORAX", "THORACIC", "LUNG", "LUNGS", "PULMONARY", "HEART", "CARDIAC", "CORONARY", "AORTA", "AORTIC", "ABDOMEN",
        "ABDOMINAL", "ABD", "PELVIS", "PELVIC", "HEAD", "BRAIN", "NECK", "SPINE", "CERVICAL", "LUMBAR", "SINUS", "SINUSES",
        "LIVER", "KIDNEY", "KIDNEYS", "RENAL", "WHOLE", "BODY", "BONE", "BONES", "MEDIASTINUM", "RIBS", "AIRWAY", "AIRWAYS",
        "EXTREMITY", "UPPER", "LOWER", "LEFT", "RIGHT", "BILATERAL", "LT", "RT", "BIL",
        // views and positions
        "PA", "AP", "LAT", "LATERAL", "LL", "RL", "OBLIQUE", "OBL", "DECUBITUS", "DECUB", "SUPINE", "PRONE", "ERECT", "UPRIGHT",
        "SEMI", "SEMIERECT", "PORTABLE", "PORT", "FRONTAL", "VIEW", "VIEWS", "V", "1V", "2V", "SINGLE", "MULTIPLE", "INSPIRATION",
        "EXPIRATION", "INSP", "EXP", "BEDSIDE", "STANDING", "SITTING",
        // planes and reconstruction
        "AXIAL", "AX", "CORONAL", "COR", "SAGITTAL", "SAG", "MPR", "MIP", "MINIP", "VR", "VRT", "3D", "2D", "RECON", "RECONS",
        "RECONSTRUCTION", "REFORMAT", "REFORMATS", "THIN", "THICK", "SLICE", "SLICES", "SECTION", "SECTIONS", "HELICAL", "SPIRAL",
        "SEQUENTIAL", "VOLUME", "VOL", "MM", "CM", "KV", "KVP", "MAS", "MA", "PITCH",
        // kernels, windows and phases
        "LUNGWINDOW", "SOFT", "TISSUE", "MEDIASTINAL", "STANDARD", "STD", "SHARP", "SMOOTH", "DETAIL", "KERNEL", "WINDOW", "HIGH",
        "LOW", "RESOLUTION", "HR", "ITERATIVE", "IR", "ASIR", "IDOSE", "SAFIRE", "ADMIRE", "FBP", "ARTERIAL", "VENOUS", "PORTAL",
        "DELAYED", "LATE", "EARLY", "PHASE", "NONCONTRAST", "NON-CONTRAST", "NON", "CON", "CONTRAST", "ENHANCED", "UNENHANCED",
        "IV", "ORAL", "WITH", "WITHOUT", "W", "WO", "W/O", "AND", "OR", "OF", "FOR", "THE", "TO", "IN", "ON", "NO", "PLUS",
        // protocol words
        "ROUTINE", "PROTOCOL", "SERIES", "STUDY", "EXAM", "EXAMINATION", "IMAGE", "IMAGES", "PRIMARY", "SECONDARY", "ORIGINAL",
        "DERIVED", "AXIAL", "SCREENING", "DIAGNOSTIC", "FOLLOW", "FOLLOWUP", "FOLLOW-UP", "FU", "PE", "EMBOLISM", "STROKE",
        "TRAUMA", "CODE", "PROTOCOLS", "COVID", "COVID-19", "COVID19", "PNEUMONIA", "INFECTION", "NODULE", "NODULES", "MASS",
        "SCAN", "SCANS", "ACQUISITION", "AUTO", "AUTOMATIC", "MANUAL", "FAST", "BREATH", "HOLD", "BREATHHOLD", "GATED", "ECG",
        "RETRO", "PROSPECTIVE", "RETROSPECTIVE", "PEDS", "PEDIATRIC", "ADULT", "SMALL", "MEDIUM", "LARGE", "COMPLETE", "LIMITED",
        "PRELIMINARY", "FINAL", "REPEAT", "ADDITIONAL", "POST", "PRE", "ONLY", "PART", "CTDI", "DLP", "SUMMARY",
    ];
}
