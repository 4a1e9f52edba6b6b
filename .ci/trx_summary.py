#!/usr/bin/python3
"""Counts the outcomes in one TRX file (VSTest's results format) for test.sh.

Usage: trx_summary.py FILE.trx
Prints one line "PASSED FAILED SKIPPED PROBLEM" (PROBLEM is 0 or 1: the run itself went wrong,
e.g. the test host crashed, even though no single test failed), then
indented lines naming up to 20 failed tests with the first line of their message.
Outcomes are counted from the top-level UnitTestResult elements (exact, unlike the Counters,
which some adapters fill inconsistently); the Counters are only cross-checked.
Standard library only, so it runs on Debian's /usr/bin/python3 before anything else is installed.
"""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
PASSED = {"Passed", "PassedButRunAborted"}
SKIPPED = {"NotExecuted", "NotRunnable", "Inconclusive", "Pending", "Disconnected"}
BAD_RUN = {"Failed", "Error", "Aborted", "Timeout"}


def main(path):
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        print("0 0 0 1")
        print(f"     unreadable TRX {path}: {e}")
        return
    passed = failed = skipped = 0
    failures = []
    for r in root.iterfind("./t:Results/t:UnitTestResult", NS):
        outcome = r.get("outcome", "")
        if outcome in PASSED:
            passed += 1
        elif outcome in SKIPPED:
            skipped += 1
        else:
            failed += 1
            msg = r.findtext("./t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS).strip()
            first = msg.splitlines()[0] if msg else ""
            failures.append(f"{outcome}: {r.get('testName', '?')}" + (f" -- {first[:200]}" if first else ""))

    problem = 0
    notes = []
    summary = root.find("./t:ResultSummary", NS)
    if summary is not None:
        run_outcome = summary.get("outcome", "")
        counters = summary.find("./t:Counters", NS)
        if counters is not None:
            total = int(counters.get("total", "0") or 0)
            if total > passed + failed + skipped:
                notes.append(f"Counters say {total} tests, results list {passed + failed + skipped}")
                problem = 1
        if run_outcome in BAD_RUN and failed == 0:
            problem = 1
            notes.append(f"run outcome {run_outcome} with no failed test")
            for text in summary.iterfind(".//t:RunInfo/t:Text", NS):
                if text.text:
                    notes.append(text.text.strip().splitlines()[0][:200])
    print(f"{passed} {failed} {skipped} {problem}")
    for line in failures[:20]:
        print(f"     {line}")
    if len(failures) > 20:
        print(f"     ... and {len(failures) - 20} more failed tests")
    for line in notes[:10]:
        print(f"     {line}")


if __name__ == "__main__":
    main(sys.argv[1])
