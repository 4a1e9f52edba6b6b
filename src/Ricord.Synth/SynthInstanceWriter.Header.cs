using System.Globalization;
using System.Text;
using Ricord.Dicom;
using T = Ricord.Dicom.DicomTags;

namespace Ricord.Synth;

internal static partial class SynthInstanceWriter
{
    /// <summary>
    /// The header every object shares: patient, study, series, equipment and the planted identifiers.
    /// Each planted string is reported to <paramref name="phi"/> as (kind, value) exactly as written.
    /// </summary>
    public static DicomDataset Header(PatientPlan p, StudyPlan s, SeriesPlan se, InstancePlan i, string sopClass, string modality, List<(string Kind, string Value)>? phi)
    {
        var site = p.Site;
        var ds = new DicomDataset();
        if (site.CharacterSet is { } cs)
        {
            ds.SetString(T.SpecificCharacterSet, DicomVR.CS, cs);
        }

        void Phi(DicomTag tag, DicomVR vr, string kind, string value)
        {
            ds.SetString(tag, vr, value);
            phi?.Add((kind, value));
        }

        var acq = se.Start.AddSeconds(10 + se.Number);
        var created = se.Start.AddMinutes(2);
        ds.SetString(T.SOPClassUID, DicomVR.UI, sopClass);
        ds.SetString(T.SOPInstanceUID, DicomVR.UI, i.Uid);
        Phi(T.InstanceCreationDate, DicomVR.DA, "Date", Da(created));
        Phi(T.InstanceCreationTime, DicomVR.TM, "Time", Tm(created));
        Phi(T.StudyDate, DicomVR.DA, "Date", Da(s.Start));
        Phi(T.SeriesDate, DicomVR.DA, "Date", Da(se.Start));
        Phi(T.AcquisitionDate, DicomVR.DA, "Date", Da(acq));
        Phi(T.ContentDate, DicomVR.DA, "Date", Da(acq));
        Phi(T.AcquisitionDateTime, DicomVR.DT, "DateTime", acq.ToString("yyyyMMddHHmmss.ffffff", CultureInfo.InvariantCulture));
        Phi(T.StudyTime, DicomVR.TM, "Time", Tm(s.Start));
        Phi(T.SeriesTime, DicomVR.TM, "Time", Tm(se.Start));
        Phi(T.AcquisitionTime, DicomVR.TM, "Time", Tm(acq));
        Phi(T.ContentTime, DicomVR.TM, "Time", Tm(acq));
        Phi(T.AccessionNumber, DicomVR.SH, "AccessionNumber", s.Accession);
        ds.SetString(T.Modality, DicomVR.CS, modality);
        ds.SetString(T.Manufacturer, DicomVR.LO, site.Manufacturer);
        Phi(T.InstitutionName, DicomVR.LO, "InstitutionName", site.InstitutionName);
        Phi(T.InstitutionAddress, DicomVR.ST, "InstitutionAddress", site.InstitutionAddress);
        Phi(T.ReferringPhysicianName, DicomVR.PN, "PhysicianName", s.Referring);
        Phi(T.StationName, DicomVR.SH, "StationName", s.Station);
        Phi(T.StudyDescription, DicomVR.LO, "StudyDescription", s.Description);
        ds.SetString(T.SeriesDescription, DicomVR.LO, se.Description);
        Phi(T.PerformingPhysicianName, DicomVR.PN, "PhysicianName", s.Performing);
        Phi(T.OperatorsName, DicomVR.PN, "OperatorName", s.Operator);
        ds.SetString(T.ManufacturerModelName, DicomVR.LO, p.IsCt && se.Xr is null ? site.CtModel : site.XrModel);
        var refPatient = new DicomDataset();
        refPatient.SetString(T.ReferencedSOPClassUID, DicomVR.UI, "1.2.840.10008.3.1.2.1.4");
        refPatient.SetString(T.ReferencedSOPInstanceUID, DicomVR.UI, DicomUidGenerator.Derive(site.UidRoot, "patient/" + p.Mrn, Encoding.ASCII.GetBytes(p.Site.Id)));
        ds.SetSequence(T.ReferencedPatientSequence, refPatient);
        Phi(T.PatientName, DicomVR.PN, "PatientName", p.Name);
        Phi(T.PatientID, DicomVR.LO, "PatientID", p.Mrn);
        ds.SetString(T.IssuerOfPatientID, DicomVR.LO, site.StationPrefix + "_MRN");
        Phi(T.PatientBirthDate, DicomVR.DA, "PatientBirthDate", p.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        ds.SetString(T.PatientSex, DicomVR.CS, p.Sex);
        var other = new DicomDataset();
        ds.SetSequence(T.OtherPatientIDsSequence, other);
        other.SetString(T.PatientID, DicomVR.LO, p.OtherId);
        other.SetString(T.IssuerOfPatientID, DicomVR.LO, "REGIONAL INSURANCE");
        other.SetString(T.TypeOfPatientID, DicomVR.CS, "TEXT");
        phi?.Add(("OtherPatientID", p.OtherId));
        ds.SetString(T.PatientAge, DicomVR.AS, $"{p.Clinical.Age:D3}Y");
        Phi(T.PatientAddress, DicomVR.LO, "PatientAddress", p.Address);
        Phi(T.PatientMotherBirthName, DicomVR.PN, "PatientName", p.MotherName);
        Phi(T.PatientTelephoneNumbers, DicomVR.SH, "PatientTelephone", p.Phone);
        Phi(T.AdditionalPatientHistory, DicomVR.LT, "FreeText", s.FreeText);
        ds.SetString(T.BodyPartExamined, DicomVR.CS, "CHEST");
        Phi(T.DeviceSerialNumber, DicomVR.LO, "DeviceSerialNumber", $"SN{site.Id}{s.Station.Length}7731");
        ds.SetString(T.SoftwareVersions, DicomVR.LO, "SYNTH 1.0");
        ds.SetString(T.StudyInstanceUID, DicomVR.UI, i.WrongStudyUid ?? s.Uid);
        ds.SetString(T.SeriesInstanceUID, DicomVR.UI, se.Uid);
        Phi(T.StudyID, DicomVR.SH, "StudyID", s.StudyId);
        ds.SetIntegerString(T.SeriesNumber, se.Number);
        ds.SetIntegerString(T.AcquisitionNumber, 1);
        ds.SetIntegerString(T.InstanceNumber, i.Number);
        Phi(T.ImageComments, DicomVR.LT, "FreeText", $"{s.FreeText}. Study {s.Accession}");
        var request = new DicomDataset();
        ds.SetSequence(T.RequestAttributesSequence, request);
        request.SetString(T.AccessionNumber, DicomVR.SH, s.Accession);
        request.SetString(T.RequestedProcedureDescription, DicomVR.LO, s.Description);
        request.SetString(T.ScheduledProcedureStepDescription, DicomVR.LO, s.Description);
        request.SetString(T.ScheduledProcedureStepID, DicomVR.SH, "SPS" + s.StudyId);
        request.SetString(T.RequestedProcedureID, DicomVR.SH, "RP" + s.StudyId);
        phi?.Add(("RequestedProcedureID", "RP" + s.StudyId));
        Phi(T.PerformedProcedureStepStartDate, DicomVR.DA, "Date", Da(s.Start));
        Phi(T.PerformedProcedureStepStartTime, DicomVR.TM, "Time", Tm(s.Start));
        Phi(T.PerformedProcedureStepID, DicomVR.SH, "PerformedProcedureStepID", "PPS" + s.StudyId);
        AddPrivate(ds, p, s, phi);
        return ds;
    }

    public static string Da(DateTime d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Tm(DateTime d) => d.ToString("HHmmss", CultureInfo.InvariantCulture);
}
