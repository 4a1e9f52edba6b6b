using Ricord.Dicom;

namespace Ricord.Synth;

/// <summary>The standard tags the generator writes (to be replaced by the generated DicomTags).</summary>
internal static class SynthTags
{
    public static readonly DicomTag SpecificCharacterSet = new(0x00080005);

    public static readonly DicomTag ImageType = new(0x00080008);

    public static readonly DicomTag InstanceCreationDate = new(0x00080012);

    public static readonly DicomTag InstanceCreationTime = new(0x00080013);

    public static readonly DicomTag SOPClassUID = new(0x00080016);

    public static readonly DicomTag SOPInstanceUID = new(0x00080018);

    public static readonly DicomTag StudyDate = new(0x00080020);

    public static readonly DicomTag SeriesDate = new(0x00080021);

    public static readonly DicomTag AcquisitionDate = new(0x00080022);

    public static readonly DicomTag ContentDate = new(0x00080023);

    public static readonly DicomTag AcquisitionDateTime = new(0x0008002A);

    public static readonly DicomTag StudyTime = new(0x00080030);

    public static readonly DicomTag SeriesTime = new(0x00080031);

    public static readonly DicomTag AcquisitionTime = new(0x00080032);

    public static readonly DicomTag ContentTime = new(0x00080033);

    public static readonly DicomTag AccessionNumber = new(0x00080050);

    public static readonly DicomTag Modality = new(0x00080060);

    public static readonly DicomTag ConversionType = new(0x00080064);

    public static readonly DicomTag PresentationIntentType = new(0x00080068);

    public static readonly DicomTag Manufacturer = new(0x00080070);

    public static readonly DicomTag InstitutionName = new(0x00080080);

    public static readonly DicomTag InstitutionAddress = new(0x00080081);

    public static readonly DicomTag ReferringPhysicianName = new(0x00080090);

    public static readonly DicomTag CodeValue = new(0x00080100);

    public static readonly DicomTag CodingSchemeDesignator = new(0x00080102);

    public static readonly DicomTag CodeMeaning = new(0x00080104);

    public static readonly DicomTag StationName = new(0x00081010);

    public static readonly DicomTag StudyDescription = new(0x00081030);

    public static readonly DicomTag SeriesDescription = new(0x0008103E);

    public static readonly DicomTag PerformingPhysicianName = new(0x00081050);

    public static readonly DicomTag OperatorsName = new(0x00081070);

    public static readonly DicomTag ManufacturerModelName = new(0x00081090);

    public static readonly DicomTag ReferencedPatientSequence = new(0x00081120);

    public static readonly DicomTag ReferencedSOPClassUID = new(0x00081150);

    public static readonly DicomTag ReferencedSOPInstanceUID = new(0x00081155);

    public static readonly DicomTag DerivationDescription = new(0x00082111);

    public static readonly DicomTag AnatomicRegionSequence = new(0x00082218);

    public static readonly DicomTag PatientName = new(0x00100010);

    public static readonly DicomTag PatientID = new(0x00100020);

    public static readonly DicomTag IssuerOfPatientID = new(0x00100021);

    public static readonly DicomTag TypeOfPatientID = new(0x00100022);

    public static readonly DicomTag PatientBirthDate = new(0x00100030);

    public static readonly DicomTag PatientSex = new(0x00100040);

    public static readonly DicomTag OtherPatientIDsSequence = new(0x00101002);

    public static readonly DicomTag PatientAge = new(0x00101010);

    public static readonly DicomTag PatientAddress = new(0x00101040);

    public static readonly DicomTag PatientMotherBirthName = new(0x00101060);

    public static readonly DicomTag PatientTelephoneNumbers = new(0x00102154);

    public static readonly DicomTag AdditionalPatientHistory = new(0x001021B0);

    public static readonly DicomTag BodyPartExamined = new(0x00180015);

    public static readonly DicomTag SliceThickness = new(0x00180050);

    public static readonly DicomTag KVP = new(0x00180060);

    public static readonly DicomTag DeviceSerialNumber = new(0x00181000);

    public static readonly DicomTag SoftwareVersions = new(0x00181020);

    public static readonly DicomTag ProtocolName = new(0x00181030);

    public static readonly DicomTag ImagerPixelSpacing = new(0x00181164);

    public static readonly DicomTag ConvolutionKernel = new(0x00181210);

    public static readonly DicomTag PatientPosition = new(0x00185100);

    public static readonly DicomTag ViewPosition = new(0x00185101);

    public static readonly DicomTag DetectorType = new(0x00187004);

    public static readonly DicomTag PositionerType = new(0x00181508);

    public static readonly DicomTag AcquisitionContextSequence = new(0x00400555);

    public static readonly DicomTag StudyInstanceUID = new(0x0020000D);

    public static readonly DicomTag SeriesInstanceUID = new(0x0020000E);

    public static readonly DicomTag StudyID = new(0x00200010);

    public static readonly DicomTag SeriesNumber = new(0x00200011);

    public static readonly DicomTag AcquisitionNumber = new(0x00200012);

    public static readonly DicomTag InstanceNumber = new(0x00200013);

    public static readonly DicomTag PatientOrientation = new(0x00200020);

    public static readonly DicomTag ImagePositionPatient = new(0x00200032);

    public static readonly DicomTag ImageOrientationPatient = new(0x00200037);

    public static readonly DicomTag FrameOfReferenceUID = new(0x00200052);

    public static readonly DicomTag Laterality = new(0x00200060);

    public static readonly DicomTag ImageLaterality = new(0x00200062);

    public static readonly DicomTag PositionReferenceIndicator = new(0x00201040);

    public static readonly DicomTag SliceLocation = new(0x00201041);

    public static readonly DicomTag ImageComments = new(0x00204000);

    public static readonly DicomTag SamplesPerPixel = new(0x00280002);

    public static readonly DicomTag PhotometricInterpretation = new(0x00280004);

    public static readonly DicomTag Rows = new(0x00280010);

    public static readonly DicomTag Columns = new(0x00280011);

    public static readonly DicomTag PixelSpacing = new(0x00280030);

    public static readonly DicomTag BitsAllocated = new(0x00280100);

    public static readonly DicomTag BitsStored = new(0x00280101);

    public static readonly DicomTag HighBit = new(0x00280102);

    public static readonly DicomTag PixelRepresentation = new(0x00280103);

    public static readonly DicomTag BurnedInAnnotation = new(0x00280301);

    public static readonly DicomTag PixelIntensityRelationship = new(0x00281040);

    public static readonly DicomTag PixelIntensityRelationshipSign = new(0x00281041);

    public static readonly DicomTag WindowCenter = new(0x00281050);

    public static readonly DicomTag WindowWidth = new(0x00281051);

    public static readonly DicomTag RescaleIntercept = new(0x00281052);

    public static readonly DicomTag RescaleSlope = new(0x00281053);

    public static readonly DicomTag RescaleType = new(0x00281054);

    public static readonly DicomTag LossyImageCompression = new(0x00282110);

    public static readonly DicomTag RequestedProcedureDescription = new(0x00321060);

    public static readonly DicomTag ScheduledProcedureStepDescription = new(0x00400007);

    public static readonly DicomTag ScheduledProcedureStepID = new(0x00400009);

    public static readonly DicomTag PerformedProcedureStepStartDate = new(0x00400244);

    public static readonly DicomTag PerformedProcedureStepStartTime = new(0x00400245);

    public static readonly DicomTag PerformedProcedureStepID = new(0x00400253);

    public static readonly DicomTag RequestAttributesSequence = new(0x00400275);

    public static readonly DicomTag RequestedProcedureID = new(0x00401001);

    public static readonly DicomTag PresentationLUTShape = new(0x20500020);

    public static readonly DicomTag PixelData = new(0x7FE00010);
}
