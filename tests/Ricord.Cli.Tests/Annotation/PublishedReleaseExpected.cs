namespace Ricord.Cli.Tests.Annotation;

/// <summary>
/// The expectations of <see cref="PublishedReleaseEndToEndTests"/>, computed without Ricord by /usr/bin/python3 (numpy,
/// pydicom) from the release's MD.ai JSON and DICOM files: the consensus rules of docs/schemas.md and the even-odd
/// polygon fill written again, voxel counts, volumes and Dice per study, label and reader.
/// </summary>
internal static class PublishedReleaseExpected
{
    public const string Script = """
# Expected consensus (radiographs) and segmentation volumes/Dice (CT) of a published release, computed from the
# MD.ai JSON and the DICOM files alone, without Ricord: the rules of docs/schemas.md written again in numpy.
import json, os, re, sys, zipfile
import numpy as np
import pydicom

cxr_zip, ct_json, withdrawn_path, ct_images, out = sys.argv[1:]

def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower() if s is not None else None

APPEARANCE = ["typical appearance", "indeterminate appearance", "atypical appearance", "negative for pneumonia"]
GRADE = ["mild opacities (1-2 lung zones)", "moderate opacities (3-4 lung zones)", "severe opacities (>4 lung zones)", "invalid study"]
NEG, INVALID = "negative for pneumonia", "invalid study"
withdrawn = {c.strip() for l in open(withdrawn_path) for c in l.split(",") if re.fullmatch(r"[0-9]+(\.[0-9]+)+", c.strip())}
assert withdrawn, "no withdrawn UID read"

with zipfile.ZipFile(cxr_zip) as z:
    cxr = json.loads(z.read([n for n in z.namelist() if n.endswith(".json")][0]))

def reads_of(export):
    groups = {g["id"]: g["name"] for g in export["labelGroups"]}
    labels = {l["id"]: l["name"] for g in export["labelGroups"] for l in g["labels"]}
    reads = {}
    for d in export["datasets"]:
        for a in d["annotations"]:
            if a["StudyInstanceUID"] in withdrawn or a["SOPInstanceUID"] is not None:
                continue
            r = reads.setdefault(a["StudyInstanceUID"], {}).setdefault(groups[a["groupId"]], set())
            r.add(norm(labels[a["labelId"]]))
    return reads

def vote(read, group):
    app = sorted(l for l in read if l in APPEARANCE)
    grade = sorted(l for l in read if l in GRADE)
    if INVALID in grade:
        return INVALID, False                      # the exclusive label stands alone
    mine = app if group == "appearance" else grade
    if group == "grade" and app == [NEG]:
        return None, False                         # out of scope: no vote
    if len(mine) > 1:
        return None, True                          # conflict: left out of this group
    return (mine[0] if mine else None), False

def decide(reader_reads, adjudication, group):
    votes, n = {}, 0
    for read in reader_reads:
        v, conflict = vote(read, group)
        if conflict:
            continue
        n += 1
        if v is not None:
            votes[v] = votes.get(v, 0) + 1
    if adjudication is not None and vote(adjudication, group)[0] is not None:
        label = vote(adjudication, group)[0]
        return ("not-available", label) if label == INVALID else ("adjudicated", label)
    if not votes:
        return "not-available", None
    label, top = max(votes.items(), key=lambda kv: kv[1])
    if 2 * top <= n:
        return "no-consensus", None
    if label == INVALID:
        return "not-available", label
    return ("agreed" if top == n else "majority"), label

consensus = {}
for study, by_reader in reads_of(cxr).items():
    adjudication = by_reader.pop("Adjudication", None)
    readers = list(by_reader.values())
    app = decide(readers, adjudication, "appearance")
    grade = decide(readers, adjudication, "grade")
    decided = app[0] in ("agreed", "majority", "adjudicated")
    if decided and app[1] == NEG:
        grade = ("not-applicable", None)
    elif not decided and grade[0] != "adjudicated":
        if app[0] == "no-consensus":
            grade = ("no-consensus", None)
        elif app[0] == "not-available" and grade[0] != "not-available":
            grade = ("not-available", app[1])
    consensus[study] = {"appearance": list(app), "grade": list(grade), "reads": len(readers)}

# CT: every image by SOP Instance UID from the files themselves.
images = {}
for root, _, files in os.walk(ct_images):
    for f in files:
        if f.endswith(".dcm"):
            ds = pydicom.dcmread(os.path.join(root, f), stop_before_pixels=True)
            images[ds.SOPInstanceUID] = (int(ds.Rows), int(ds.Columns), ds.SeriesInstanceUID, [float(x) for x in ds.PixelSpacing],
                                         [float(x) for x in ds.ImagePositionPatient], [float(x) for x in ds.ImageOrientationPatient])

def pnpoly(vertices, rows, cols):
    # Pixel (r, c) is inside iff point (x = c, y = r) is inside by the even-odd crossing rule.
    xs = np.array([v[0] for v in vertices], float); ys = np.array([v[1] for v in vertices], float)
    yy, xx = np.mgrid[0:rows, 0:cols].astype(float)
    inside = np.zeros((rows, cols), bool)
    j = len(xs) - 1
    for i in range(len(xs)):
        if ys[i] != ys[j]:
            inside ^= ((ys[i] > yy) != (ys[j] > yy)) & (xx < (xs[j] - xs[i]) * (yy - ys[i]) / (ys[j] - ys[i]) + xs[i])
        j = i
    return inside

ct = json.load(open(ct_json))
groups = {g["id"]: g["name"] for g in ct["labelGroups"]}
labels = {l["id"]: l["name"] for g in ct["labelGroups"] for l in g["labels"]}
masks = {}
for d in ct["datasets"]:
    for a in d["annotations"]:
        v = (a.get("data") or {}).get("vertices")
        if v is None or a["SOPInstanceUID"] not in images or len(v) < 3:
            continue
        rows, cols = images[a["SOPInstanceUID"]][:2]
        per_sop = masks.setdefault((a["StudyInstanceUID"], norm(labels[a["labelId"]])), {}).setdefault(groups[a["groupId"]], {})
        m = pnpoly(v, rows, cols)
        per_sop[a["SOPInstanceUID"]] = per_sop.get(a["SOPInstanceUID"], np.zeros_like(m)) | m

def voxel_ml(series):
    sops = [s for s in images.values() if s[2] == series]
    row, col = sops[0][3]
    o = sops[0][5]
    normal = np.cross(o[:3], o[3:])
    z = sorted(float(np.dot(s[4], normal)) for s in sops)
    gaps = sorted(b - a for a, b in zip(z, z[1:]) if b - a > 1e-6)
    return row * col * float(np.median(gaps)) / 1000.0

segmentation = {}
for (study, label), by_reader in masks.items():
    series = images[next(iter(next(iter(by_reader.values()))))][2]
    ml = voxel_ml(series)
    entry = {"volumes": {r: int(sum(m.sum() for m in s.values())) for r, s in by_reader.items()}, "ml": {}, "dice": {}}
    entry["ml"] = {r: n * ml for r, n in entry["volumes"].items()}
    names = sorted(by_reader)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            inter = sum(int((m & by_reader[b][sop]).sum()) for sop, m in by_reader[a].items() if sop in by_reader[b])
            total = entry["volumes"][a] + entry["volumes"][b]
            entry["dice"][a + "|" + b] = 2.0 * inter / total if total else None
    segmentation[study + "|" + label] = entry

json.dump({"consensus": consensus, "segmentation": segmentation}, open(out, "w"), indent=1)
""";
}
