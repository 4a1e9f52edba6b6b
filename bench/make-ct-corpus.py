#!/usr/bin/python3
"""Writes a deterministic synthetic CT corpus for the parse benchmarks.

Usage: /usr/bin/python3 bench/make-ct-corpus.py OUT_DIR [N=2000] [--seed 7]

N slices of 512x512 16-bit (about 0.5 MB each), Explicit VR Little Endian, with a realistic
header (~120 elements): patient, study, series, equipment, frame of reference, image plane,
image pixel and CT image modules, a few nested sequences and a GE-style private block.
Slices are split over series of at most 300. The same arguments always give the same bytes.
"""
import argparse
import os
import sys

import numpy as np
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian

CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2"
ROOT = "1.2.826.0.1.3680043.9.7433"  # a private test root; every UID is derived from it


def uid(*parts):
    return ROOT + "." + ".".join(str(p) for p in parts)


def code(value, scheme, meaning):
    item = Dataset()
    item.CodeValue = value
    item.CodingSchemeDesignator = scheme
    item.CodeMeaning = meaning
    return item


def patient_study(ds, study):
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.PatientName = f"BENCH^PATIENT{study:03d}^Q"
    ds.PatientID = f"RB{100000 + study}"
    ds.IssuerOfPatientID = "RICORD-BENCH"
    ds.PatientBirthDate = "19580312"
    ds.PatientSex = "F" if study % 2 else "M"
    ds.PatientAge = "066Y"
    ds.PatientSize = "1.68"
    ds.PatientWeight = "71.5"
    ds.OtherPatientIDs = f"ALT{study:05d}"
    ds.EthnicGroup = ""
    ds.PatientComments = "Synthetic patient for benchmarks"
    ds.StudyInstanceUID = uid(1, study)
    ds.StudyDate = "20240517"
    ds.StudyTime = "081532.123000"
    ds.AccessionNumber = f"ACC{700000 + study}"
    ds.ReferringPhysicianName = "REFERRER^ANNE^^DR"
    ds.StudyID = str(study)
    ds.StudyDescription = "CT CHEST ABDOMEN PELVIS W CONTRAST"
    ds.NameOfPhysiciansReadingStudy = "READER^BOB"
    ds.AdmittingDiagnosesDescription = "Abdominal pain"
    ds.RequestingPhysician = "REQUESTER^CARL"
    ds.RequestedProcedureDescription = "CT CAP"
    ds.ProcedureCodeSequence = Sequence([code("CTCAP", "L", "CT chest abdomen pelvis with contrast")])
    ds.InstitutionName = "Ricord General Hospital"
    ds.InstitutionAddress = "1 Benchmark Road, Testville"
    ds.InstitutionalDepartmentName = "Radiology"


def series_equipment(ds, study, series):
    ds.Modality = "CT"
    ds.SeriesInstanceUID = uid(2, study, series)
    ds.SeriesNumber = series + 1
    ds.SeriesDate = "20240517"
    ds.SeriesTime = "082010.500000"
    ds.SeriesDescription = f"AXIAL {('2.5mm', '1.25mm', '5mm')[series % 3]} STND"
    ds.BodyPartExamined = "CHEST"
    ds.PatientPosition = "FFS"
    ds.ProtocolName = "5.1 CHEST ABD PELVIS"
    ds.OperatorsName = "TECH^DANA"
    ds.PerformingPhysicianName = "PERFORMER^EVE"
    ds.PerformedProcedureStepID = f"PPS{study}{series}"
    ds.PerformedProcedureStepStartDate = "20240517"
    ds.PerformedProcedureStepStartTime = "081600"
    ds.PerformedProcedureStepDescription = "CT CHEST ABDOMEN PELVIS"
    ds.RequestAttributesSequence = Sequence([requested(study)])
    ds.FrameOfReferenceUID = uid(3, study)
    ds.PositionReferenceIndicator = "SN"
    ds.Manufacturer = "GE MEDICAL SYSTEMS"
    ds.StationName = "CTAWP00001"
    ds.ManufacturerModelName = "Revolution CT"
    ds.DeviceSerialNumber = "SN0042"
    ds.SoftwareVersions = "revo_ct_22mw.40"
    ds.DateOfLastCalibration = "20240516"
    ds.TimeOfLastCalibration = "070000"


def requested(study):
    item = Dataset()
    item.RequestedProcedureID = f"RP{study}"
    item.ScheduledProcedureStepID = f"SPS{study}"
    item.ScheduledProcedureStepDescription = "CT CAP"
    item.ScheduledProtocolCodeSequence = Sequence([code("CTCAP", "L", "CT chest abdomen pelvis")])
    return item


def image(ds, study, series, index, count, rng):
    ds.SOPClassUID = CT_IMAGE_STORAGE
    ds.SOPInstanceUID = uid(4, study, series, index + 1)
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.InstanceCreationDate = "20240517"
    ds.InstanceCreationTime = "082011"
    ds.ContentDate = "20240517"
    ds.ContentTime = f"0820{index % 60:02d}.{index:06d}"
    ds.AcquisitionDate = "20240517"
    ds.AcquisitionTime = "082005.250000"
    ds.AcquisitionNumber = 1
    ds.InstanceNumber = index + 1
    ds.ImagesInAcquisition = count
    ds.ScanOptions = "HELICAL MODE"
    ds.SliceThickness = "2.5"
    ds.KVP = "120"
    ds.DataCollectionDiameter = "500.0"
    ds.ReconstructionDiameter = "380.0"
    ds.DistanceSourceToDetector = "1085.6"
    ds.DistanceSourceToPatient = "625.6"
    ds.GantryDetectorTilt = "0.0"
    ds.TableHeight = "160.5"
    ds.RotationDirection = "CW"
    ds.ExposureTime = "500"
    ds.XRayTubeCurrent = 250 + index % 100
    ds.Exposure = 125
    ds.FilterType = "BODY FILTER"
    ds.GeneratorPower = 30000
    ds.FocalSpots = "1.2"
    ds.ConvolutionKernel = "STANDARD"
    ds.SpiralPitchFactor = 0.984375
    ds.CTDIvol = 11.42
    z = -index * 2.5
    ds.ImagePositionPatient = ["-190.0", "-190.0", f"{z:.2f}"]
    ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    ds.SliceLocation = f"{z:.2f}"
    ds.PixelSpacing = ["0.742188", "0.742188"]
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = 512
    ds.Columns = 512
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 1
    ds.PixelPaddingValue = -2000
    ds.WindowCenter = ["40", "400"]
    ds.WindowWidth = ["400", "1500"]
    ds.RescaleIntercept = "-1024"
    ds.RescaleSlope = "1"
    ds.RescaleType = "HU"
    ds.WindowCenterWidthExplanation = ["WINDOW1", "WINDOW2"]
    ds.LossyImageCompression = "00"
    ds.IrradiationEventUID = uid(5, study, series)
    ds.ContrastBolusAgent = "OMNIPAQUE 350"
    ds.ContrastBolusRoute = "IV"
    ds.ContrastBolusVolume = "100"
    ds.ContrastBolusAgentSequence = Sequence([code("C-B0322", "SRT", "Iohexol")])
    ref = Dataset()
    ref.ReferencedSOPClassUID = CT_IMAGE_STORAGE
    ref.ReferencedSOPInstanceUID = uid(6, study, series)  # the scout
    ds.ReferencedImageSequence = Sequence([ref])
    source = Dataset()
    source.ReferencedSOPClassUID = CT_IMAGE_STORAGE
    source.ReferencedSOPInstanceUID = uid(7, study, series, index + 1)
    source.PurposeOfReferenceCodeSequence = Sequence([code("121322", "DCM", "Source image for image processing operation")])
    ds.SourceImageSequence = Sequence([source])
    ge_private(ds, index, rng)
    pixels = rng.integers(-1024, 3072, size=(512, 512), dtype=np.int16)
    ds.PixelData = pixels.tobytes()


def ge_private(ds, index, rng):
    """A GE-style private block: creators in (0009,00xx), (0019,00xx), (0043,00xx)."""
    ds.add_new(0x00090010, "LO", "GEMS_IDEN_01")
    ds.add_new(0x00091001, "LO", "CT_LIGHTSPEED")
    ds.add_new(0x00091002, "SH", "CT01")
    ds.add_new(0x00091004, "SH", "Revolution CT")
    ds.add_new(0x00190010, "LO", "GEMS_ACQU_01")
    ds.add_new(0x0019100F, "DS", "1014.5")
    ds.add_new(0x00191011, "SS", 2)
    ds.add_new(0x00191018, "LO", "0")
    ds.add_new(0x0019101A, "LO", "0")
    ds.add_new(0x00191023, "DS", "39.375")
    ds.add_new(0x00191024, "DS", f"{-index * 2.5:.2f}")
    ds.add_new(0x00191027, "DS", "0.5")
    ds.add_new(0x0019102C, "DS", "0.0")
    ds.add_new(0x0019103E, "DS", "1.0")
    ds.add_new(0x00191042, "SS", 0)
    ds.add_new(0x00430010, "LO", "GEMS_PARM_01")
    ds.add_new(0x00431010, "US", 400)
    ds.add_new(0x00431012, "SS", [4, 4, 10])
    ds.add_new(0x00431016, "SS", 0)
    ds.add_new(0x0043101E, "DS", "0.0")
    ds.add_new(0x00431027, "SH", "/1.0:1")
    ds.add_new(0x00431028, "OB", rng.integers(0, 256, size=78, dtype=np.uint8).tobytes())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("n", nargs="?", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    per_series = 300
    for i in range(args.n):
        series, index = divmod(i, per_series)
        study = series // 4
        count = min(per_series, args.n - series * per_series)
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = CT_IMAGE_STORAGE
        meta.MediaStorageSOPInstanceUID = uid(4, study, series, index + 1)
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        meta.ImplementationClassUID = uid(99)
        meta.ImplementationVersionName = "RICORD_BENCH"
        ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
        patient_study(ds, study)
        series_equipment(ds, study, series)
        image(ds, study, series, index, count, rng)
        ds.is_little_endian = True
        ds.is_implicit_VR = False
        ds.save_as(os.path.join(args.out, f"ct{i:05d}.dcm"), write_like_original=False)
    print(f"wrote {args.n} CT slices to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
