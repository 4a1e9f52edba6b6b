#!/usr/bin/python3
"""Writes dcmodify arguments for the PS3.15 Table E.1-1 Basic Profile, one per line: the recipe a site
would script with dcmtk. X -> erase at every level; Z -> empty at every level; D -> a dummy of the VR;
U -> new Study/Series/SOP Instance UIDs only (dcmodify cannot remap other UIDs consistently); private
elements erased. Compound codes take the least destructive alternative, as Ricord does.
usage: dcmodify-recipe.py TABLE_JSON ATTRIBUTES_JSON > recipe.args"""
import json
import sys

table = json.load(open(sys.argv[1]))
vrs = {a["tag"]: a["valueRepresentation"].split(" ")[0] for a in json.load(open(sys.argv[2]))}
dummy = {"PN": "ANONYMOUS", "DA": "19000101", "TM": "000000", "DT": "19000101000000", "AS": "000D",
         "DS": "0", "IS": "0", "UI": None, "SQ": None}
order = "KCUDZX"
args = ["-nb", "-ie", "-imt", "-ep", "-gst", "-gse", "-gin"]
for row in table:
    tag = row["tag"]
    if "GGGG" in tag or tag.startswith("(0002"):
        continue
    code = min((c.strip("*") for c in row["basicProfile"].split("/")), key=order.index)
    tag = tag.replace("XX", "00").replace("xx", "00")  # dcmodify has no repeating-group wildcards: first group only
    vr = vrs.get(row["tag"], "LO")
    if code == "X":
        args += ["-ea", tag]
    elif code == "Z":
        args += ["-ma", tag + "="] if vr != "SQ" else ["-ea", tag]
    elif code == "D":
        value = dummy.get(vr, "ANONYMIZED")
        if value is not None and vr not in ("OB", "OW", "OF", "OD", "OL", "OV", "UN", "US", "SS", "UL", "SL", "FL", "FD", "AT", "SV", "UV"):
            args += ["-ma", tag + "=" + value]
        elif vr not in ("SQ", "UI"):
            args += ["-ea", tag]
print("\n".join(args))
