"""Prints, for each DICOM file given, one JSON line per text element: raw value bytes as stored
and pydicom's decoded values. Oracle for CharacterSetConformanceTests (run with /usr/bin/python3)."""
import json
import sys

import pydicom
from pydicom.dataelem import RawDataElement

TEXT_VRS = {"PN", "SH", "LO", "ST", "LT", "UT", "UC"}


def terms_of(ds, inherited):
    raw = ds._dict.get(0x00080005)
    if raw is None:
        return inherited
    value = ds.SpecificCharacterSet
    return list(value) if isinstance(value, pydicom.multival.MultiValue) else [value]


def walk(name, ds, inherited, out):
    terms = terms_of(ds, inherited)
    for tag in list(ds._dict.keys()):
        raw = ds._dict[tag]
        raw_bytes = raw.value if isinstance(raw, RawDataElement) else None
        elem = ds[tag]
        if elem.VR == "SQ":
            for item in elem.value:
                walk(name, item, terms, out)
            continue
        if elem.VR not in TEXT_VRS or raw_bytes is None:
            continue
        value = elem.value
        values = [str(v) for v in value] if isinstance(value, (list, pydicom.multival.MultiValue)) else [str(value)]
        out.write(json.dumps({
            "file": name, "tag": "%08X" % int(tag), "vr": elem.VR, "terms": terms,
            "hex": raw_bytes.hex(), "values": values,
        }, ensure_ascii=False) + "\n")


def main():
    for path in sys.argv[1:]:
        ds = pydicom.dcmread(path, defer_size=None)
        walk(path.rsplit("/", 1)[-1], ds, [], sys.stdout)


if __name__ == "__main__":
    main()
