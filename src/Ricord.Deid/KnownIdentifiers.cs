using System.Buffers;
using System.Text;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// The identifiers a patient, study and site are known by, taken from the original data set before the
/// rules run: every person name (tokens of 3+ characters), every value of an attribute that Table E.1-1
/// removes as identifying (IDs, accession numbers, institution, station and department names, addresses),
/// telephone numbers as digits, and the date of birth in common formats. Normalised to upper-case letters
/// and digits. Held in memory only, never written or logged.
/// </summary>
internal sealed class KnownIdentifiers
{
    private const int MinWord = 3;
    private const int MinId = 4;
    private const int MinDigitsId = 5;
    private const int MinPhoneDigits = 7;

    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>Name and address words (3+ characters, not in the descriptor vocabulary).</summary>
    public IReadOnlySet<string> Words => _words;

    /// <summary>IDs, dates of birth and telephone numbers: letters and digits only, matched anywhere in a value.</summary>
    public IReadOnlySet<string> Ids => _ids;

    public bool IsEmpty => _words.Count == 0 && _ids.Count == 0;

    private Lookup? _lookup;

    /// <summary>The sets prepared for scanning (span lookups, arrays); built once, after the last change.</summary>
    internal Lookup Prepared => _lookup ??= new Lookup(this);

    /// <summary>True when every identifier of <paramref name="other"/> is already here.</summary>
    public bool Covers(KnownIdentifiers other) => other._words.IsSubsetOf(_words) && other._ids.IsSubsetOf(_ids);

    /// <summary>Fast lookups over a finished set: words and IDs by span, long words and IDs as arrays for substring search.</summary>
    internal sealed class Lookup
    {
        public Lookup(KnownIdentifiers known)
        {
            Words = known._words.GetAlternateLookup<ReadOnlySpan<char>>();
            Ids = known._ids.GetAlternateLookup<ReadOnlySpan<char>>();
            IdArray = [.. known._ids];
            LongWords = [.. known._words.Where(w => w.Length >= 5)];
            IsEmpty = known.IsEmpty;
            // One multi-string search (vectorised) for every ID and long word, instead of one search each.
            Substrings = SearchValues.Create([.. IdArray.Concat(LongWords).Distinct(StringComparer.Ordinal)], StringComparison.Ordinal);
        }

        /// <summary>Every ID and every word of 5+ characters, searched for anywhere in a value's letters and digits.</summary>
        public SearchValues<string> Substrings { get; }

        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Words { get; }

        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Ids { get; }

        public string[] IdArray { get; }

        public string[] LongWords { get; }

        public bool IsEmpty { get; }
    }

    public void AddName(string text, IReadOnlySet<string> safeWords)
    {
        _lookup = null;
        foreach (var token in Tokens(text))
        {
            if (token.Length >= MinWord && !safeWords.Contains(token) && !IsNoise(token))
            {
                _words.Add(token);
            }
        }

        AddDigitRuns(text);
    }

    /// <summary>An identifying value: its words, the whole value as an ID when it holds a digit, its long digit runs.</summary>
    public void AddValue(string text, IReadOnlySet<string> safeWords)
    {
        AddName(text, safeWords);
        string compact = Compact(text);
        if (compact.Length >= MinId && compact.Any(char.IsAsciiDigit) && (compact.Any(char.IsAsciiLetter) || compact.Length >= MinDigitsId))
        {
            _ids.Add(compact);
        }
    }

    /// <summary>An identifier known as a whole (an original PatientID from the link table): its letters and digits as an
    /// ID, no words taken from it (a token such as "SITE" in "SITE-A-00042" is no evidence by itself).</summary>
    public void AddId(string text)
    {
        _lookup = null;
        string compact = Compact(text);
        if (compact.Length >= MinId && (compact.Any(char.IsAsciiLetter) || compact.Length >= MinDigitsId))
        {
            _ids.Add(compact);
        }
    }

    public void AddBirthDate(string dicomDate)
    {
        _lookup = null;
        string d = Compact(dicomDate);
        if (d.Length != 8 || !d.All(char.IsAsciiDigit))
        {
            return;
        }

        string y = d[..4], m = d[4..6], day = d[6..];
        foreach (var form in new[] { y + m + day, day + m + y, m + day + y, day + m + y[2..], m + day + y[2..] })
        {
            _ids.Add(form);
        }
    }

    public void UnionWith(KnownIdentifiers other)
    {
        _lookup = null;
        _words.UnionWith(other._words);
        _ids.UnionWith(other._ids);
    }

    /// <summary>Upper-case letters and digits of <paramref name="text"/>, nothing else.</summary>
    public static string Compact(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>Words of <paramref name="text"/>, upper case, split at anything that is not a letter or digit ('^', spaces, punctuation).</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool word = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                yield return text[start..i].ToUpperInvariant();
                start = -1;
            }
        }
    }

    private void AddDigitRuns(string text)
    {
        var digits = new StringBuilder();
        foreach (char c in text + " ")
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is ' ' or '-' or '(' or ')' or '.' or '/' or '+' && digits.Length > 0 && digits.Length < MinPhoneDigits)
            {
                // Telephone numbers are written with separators: "(555) 123-4567" is one number.
                continue;
            }
            else
            {
                if (digits.Length >= MinDigitsId)
                {
                    _ids.Add(digits.ToString());
                }

                digits.Clear();
            }
        }
    }

    /// <summary>
    /// Words too common to be evidence of a person or place: honorifics, the dummies Ricord writes, and the
    /// generic words of institution names and addresses ("St Mary's MEDICAL CENTER" is known by "MARY",
    /// not by "MEDICAL", which a kept Manufacturer such as "GE MEDICAL SYSTEMS" also holds).
    /// </summary>
    private static bool IsNoise(string token) => Noise.Contains(token) || token.All(char.IsAsciiDigit);

    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "MRS", "MISS", "PROF", "III", "ANONYMOUS", "ANONYMIZED", "MEDICAL", "MEDICINE", "CENTER", "CENTRE", "HOSPITAL", "HOSPITALS",
        "GENERAL", "UNIVERSITY", "CLINIC", "CLINICS", "CLINICAL", "HEALTH", "HEALTHCARE", "SYSTEM", "SYSTEMS", "INSTITUTE",
        "RADIOLOGY", "DEPARTMENT", "DEPT", "IMAGING", "REGIONAL", "NATIONAL", "COMMUNITY", "SCHOOL", "COLLEGE", "STREET",
        "ROAD", "AVENUE", "SUITE", "FLOOR", "BUILDING", "CITY", "COUNTY", "STATE", "NORTH", "SOUTH", "EAST", "WEST", "SAINT",
        "UNIT", "WARD", "ROOM", "INC", "LTD", "GMBH", "CORP", "COMPANY", "INTERNATIONAL", "SERVICES", "SERVICE",
    };

    /// <summary>Collects everything identifying in <paramref name="ds"/> (recursively), under <paramref name="rules"/>.</summary>
    public static KnownIdentifiers From(DicomDataset ds, CompiledProfile rules, IReadOnlySet<uint>? except = null)
    {
        var known = new KnownIdentifiers();
        known.Collect(ds, rules, except ?? NoTags, 0);
        return known;
    }

    private static readonly HashSet<uint> NoTags = [];

    private void Collect(DicomDataset ds, CompiledProfile rules, IReadOnlySet<uint> except, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        foreach (var e in ds)
        {
            if (e is DicomSequence sq)
            {
                foreach (var item in sq.Items)
                {
                    Collect(item, rules, except, depth + 1);
                }

                continue;
            }

            if (e.Tag.IsPrivate || e.Tag.Group == 0x0002 || except.Contains(e.Tag.Value))
            {
                continue;
            }

            var typed = e.VR == DicomVR.UN && DicomDictionary.Find(e.Tag)?.DefaultVR is { } vr and not DicomVR.UN and not DicomVR.SQ
                ? new DicomElement(e.Tag, vr, e.Buffer) : e;
            if (IsSource(typed, rules))
            {
                Add(typed, ds.CharacterSet, rules);
            }
        }
    }

    /// <summary>Whether an element's value says who or where: a person name, a date of birth, an identifying attribute.</summary>
    public static bool IsSource(DicomElement typed, CompiledProfile rules) => typed.VR switch
    {
        DicomVR.PN => true,
        DicomVR.DA => typed.Tag == DeidTags.PatientBirthDate,
        DicomVR.LO or DicomVR.SH or DicomVR.ST or DicomVR.LT or DicomVR.UT or DicomVR.UC or DicomVR.AE or DicomVR.CS => rules.IsIdentifying(typed.Tag),
        _ => false,
    };

    /// <summary>Adds what <paramref name="typed"/> (a source, <see cref="IsSource"/>) is known by.</summary>
    public void Add(DicomElement typed, DicomCharacterSet charset, CompiledProfile rules)
    {
        if (typed.VR == DicomVR.DA)
        {
            AddBirthDate(DicomValueParser.Text(typed, DicomCharacterSet.Default));
            return;
        }

        foreach (var v in DicomValueParser.Strings(typed, charset))
        {
            if (typed.VR == DicomVR.PN)
            {
                AddName(v, rules.SafeWords);
            }
            else
            {
                AddValue(v, rules.SafeWords);
            }
        }
    }
}
