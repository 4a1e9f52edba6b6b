#!/usr/bin/python3
"""POST every file of a list to Orthanc's REST `/instances` with N persistent HTTP connections.

Usage: orthanc-post.py URL FILELIST CLIENTS
Prints one line: `files bytes seconds ok already-stored failed`. Retries on HTTP 503 (busy).
Timing starts before the first request and ends after the last response (Orthanc is already up).
"""
import http.client
import sys
import threading
import time
import urllib.parse


def main():
    url, listing, clients = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(listing, encoding="utf-8") as f:
        files = [line.rstrip("\n") for line in f if line.strip()]
    target = urllib.parse.urlsplit(url)
    lock = threading.Lock()
    state = {"next": 0, "bytes": 0, "ok": 0, "already": 0, "failed": 0}

    def take():
        with lock:
            i = state["next"]
            state["next"] = i + 1
        return files[i] if i < len(files) else None

    def worker():
        conn = http.client.HTTPConnection(target.hostname, target.port, timeout=300)
        while (path := take()) is not None:
            with open(path, "rb") as f:
                body = f.read()
            for attempt in range(20):
                conn.request("POST", "/instances", body, {"Content-Type": "application/dicom"})
                resp = conn.getresponse()
                text = resp.read()
                if resp.status != 503:
                    break
                time.sleep(0.01 * (attempt + 1))
            with lock:
                state["bytes"] += len(body)
                if resp.status == 200 and b"AlreadyStored" in text:
                    state["already"] += 1
                elif resp.status == 200:
                    state["ok"] += 1
                else:
                    state["failed"] += 1
                    sys.stderr.write(f"HTTP {resp.status}: {text[:200]!r}\n")
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - start
    print(f"{len(files)} {state['bytes']} {seconds:.3f} {state['ok']} {state['already']} {state['failed']}")
    return 1 if state["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
