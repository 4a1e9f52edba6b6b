#!/usr/bin/python3
"""Writes ct-phantom.dcm: a small synthetic CT slice (64x64, 16-bit signed, HU phantom) made with pydicom.

It is an outside oracle for Ricord: written by another toolkit, no real patient, no PHI.
Run with Debian's python3-pydicom: /usr/bin/python3 samples/make-sample.py samples/ct-phantom.dcm
"""
import sys
import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian

out = sys.argv[1] if len(sys.argv) > 1 else "ct-phantom.dcm"
size = 64
y, x = np.mgrid[0:size, 0:size]
hu = np.full((size, size), -1000, dtype=np.int16)                      # air
body = ((x - 32) / 28.0) ** 2 + ((y - 32) / 22.0) ** 2 <= 1.0
hu[body] = 40                                                           # soft tissue
for cx in (20, 44):
    lung = ((x - cx) / 9.0) ** 2 + ((y - 31) / 14.0) ** 2 <= 1.0
    hu[lung] = -850                                                     # lungs
ggo = ((x - 14) / 4.0) ** 2 + ((y - 26) / 5.0) ** 2 <= 1.0
hu[ggo & body] = -500                                                   # peripheral ground-glass opacity
hu[((x - 32) / 4.0) ** 2 + ((y - 44) / 4.0) ** 2 <= 1.0] = 700          # vertebra
stored = (hu + 1024).astype(np.uint16)

meta = FileMetaDataset()
meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
meta.MediaStorageSOPInstanceUID = "2.25.302824416327149282218512830829371428097"
meta.TransferSyntaxUID = ExplicitVRLittleEndian
meta.ImplementationClassUID = "2.25.175184163526372306930613436446411425513"

ds = Dataset()
ds.file_meta = meta
ds.SpecificCharacterSet = "ISO_IR 100"
ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
ds.SOPClassUID = meta.MediaStorageSOPClassUID
ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
ds.StudyDate = "20200415"
ds.StudyTime = "101500"
ds.Modality = "CT"
ds.Manufacturer = "Ricord Synthetic"
ds.StudyDescription = "CT CHEST WITHOUT CONTRAST"
ds.SeriesDescription = "AXIAL LUNG 5mm"
ds.PatientName = "Phantom^Sample"
ds.PatientID = "SAMPLE-0001"
ds.PatientSex = "O"
ds.PatientAge = "060Y"
ds.SliceThickness = "5.0"
ds.KVP = "120"
ds.ConvolutionKernel = "LUNG"
ds.StudyInstanceUID = "2.25.83940224918396548452961264108591233121"
ds.SeriesInstanceUID = "2.25.225960343853219713185262356718006406753"
ds.SeriesNumber = "3"
ds.InstanceNumber = "1"
ds.ImagePositionPatient = ["-160", "-160", "-120"]
ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
ds.FrameOfReferenceUID = "2.25.134889373339412208386398785049926425049"
code = Dataset()
code.CodeValue = "39607008"
code.CodingSchemeDesignator = "SCT"
code.CodeMeaning = "Lung"
ds.AnatomicRegionSequence = Sequence([code])
ds.SamplesPerPixel = 1
ds.PhotometricInterpretation = "MONOCHROME2"
ds.Rows = size
ds.Columns = size
ds.PixelSpacing = ["5", "5"]
ds.BitsAllocated = 16
ds.BitsStored = 12
ds.HighBit = 11
ds.PixelRepresentation = 0
ds.WindowCenter = "-600"
ds.WindowWidth = "1500"
ds.RescaleIntercept = "-1024"
ds.RescaleSlope = "1"
ds.PixelData = stored.tobytes()
ds.is_little_endian = True
ds.is_implicit_VR = False
ds.save_as(out, write_like_original=False)
print(out)
