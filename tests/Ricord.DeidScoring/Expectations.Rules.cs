using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>From an action code to the outcomes that show it, by kind of value; and the rules for what the table does not list.</summary>
public sealed partial class Expectations
{
    private const string DicomRoot = "1.2.840.10008.";

    /// <summary>Every alternative of a (compound) code, as outcomes of a value of class <paramref name="cls"/>.</summary>
    private Outcome Accept(string code, VRClass cls, PlantedValue value)
    {
        var accept = Outcome.None;
        foreach (string part in code.Split('/'))
        {
            accept |= One(part.TrimEnd('*').Trim(), cls, value);
        }

        return accept;
    }

    private Outcome One(string code, VRClass cls, PlantedValue value) => (code, cls) switch
    {
        ("X", _) => Outcome.X,
        ("Z", _) => Outcome.Z,
        (_, VRClass.Sequence) => Outcome.P,
        ("K", VRClass.Age) => Outcome.K | Outcome.C, // ages over 89 are capped
        ("K", _) => Outcome.K,
        (_, VRClass.Uid) when IsDicomUid(value) => Outcome.K, // the standard's own UIDs identify nobody
        ("U", VRClass.Uid) => Outcome.U,
        ("U", _) => Outcome.D,
        ("D", VRClass.Uid) => Outcome.U | Outcome.D,
        ("D", VRClass.Date or VRClass.Age) => Outcome.D | Outcome.C,
        ("D", VRClass.Binary) => Outcome.D | Outcome.X, // zeroed, or removed where the IOD allows
        ("D", _) => Outcome.D,
        ("C", VRClass.Text) => Outcome.C | Outcome.Z, // vocabulary words kept; nothing left is empty
        ("C", VRClass.Name) => Outcome.D | Outcome.C | Outcome.Z,
        ("C", VRClass.Date) when value.Element.Tag == VRClasses.TimezoneOffsetFromUtc => Outcome.K | Outcome.C, // an offset, not a date
        ("C", VRClass.Date) => _options.Contains("rtnLongFullDatesOpt") ? Outcome.K : Outcome.C,
        ("C", VRClass.Age or VRClass.Coded) => Outcome.K | Outcome.C,
        ("C", VRClass.Uid) => Outcome.U,
        ("C", VRClass.Binary) => Outcome.X | Outcome.D, // issue 14: clean on bytes that cannot be read removes or zeroes
        _ => throw new InvalidOperationException($"Action code '{code}' is not one of K, X, Z, D, C, U."),
    };

    /// <summary>Values read as UN: removed or zeroed when their real VR is unknown; a known tag is judged by its real VR
    /// (or removed); a data set inside UN is walked like the sequence it is (or removed).</summary>
    private Expectation Un(PathStep step, PlantedValue value, bool isSelf)
    {
        var real = DicomDictionary.Find(step.Tag)?.DefaultVR ?? DicomVR.UN;
        if (real == DicomVR.UN)
        {
            // A data set inside defined-length UN may also be decoded and walked like any sequence (issue 14, item 4);
            // what it holds is then judged by the grep: no needle may survive.
            return value.Place == Places.UnSequence && isSelf
                ? new(Outcome.X | Outcome.D | Outcome.P, "issue 14: data set inside UN of unknown VR removed, zeroed or decoded and walked")
                : new(Outcome.X | Outcome.D, "issue 14: UN of unknown VR removed or zeroed");
        }

        var typed = Lenient(step with { VR = real }, value, isSelf);
        return new(typed.Accept | Outcome.X, "UN read as " + real + ": " + typed.Rule);
    }

    /// <summary>Attributes Table E.1-1 does not list (issue 14's closed world for text).</summary>
    private Expectation Unlisted(PathStep step, PlantedValue value, VRClass cls)
    {
        if (value.Place == Places.SafeCode && ReferenceEquals(step, value.Element))
        {
            return new(Outcome.K | Outcome.C, "coded concept from a safe scheme, meaning in the vocabulary: kept");
        }

        return cls switch
        {
            VRClass.Sequence => new(Outcome.P, "unlisted sequence: walked"),
            VRClass.Name or VRClass.Text => new(Outcome.X | Outcome.Z | Outcome.D | Outcome.C, "issue 14: unlisted text removed or cleaned"),
            VRClass.Uid when IsDicomUid(value) => new(Outcome.K, "DICOM's own UID kept"),
            VRClass.Uid => new(Outcome.U, "unlisted instance UID remapped"),
            VRClass.Date when step.VR == DicomVR.TM => new(Outcome.C | Outcome.K, "unlisted time"),
            VRClass.Date when _options.Contains("rtnLongModifDatesOpt") => new(Outcome.C, "unlisted date shifted (rtnLongModifDatesOpt)"),
            VRClass.Date => new(Outcome.K | Outcome.C, "unlisted date"),
            VRClass.Age => new(Outcome.K | Outcome.C, "unlisted age"),
            _ => new(Outcome.K, "unlisted " + cls.ToString().ToLowerInvariant() + " value kept"),
        };
    }

    private static bool IsDicomUid(PlantedValue value) =>
        value.VR == DicomVR.UI && System.Text.Encoding.ASCII.GetString(value.Value).StartsWith(DicomRoot, StringComparison.Ordinal);
}
