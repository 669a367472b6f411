#!/usr/bin/env python3
"""writers.py: authors saving new releases through the real stack, and the check that every acknowledged save is in the database.

  writers.py write BASE ACKS SECONDS TAG USER:PASS...   one thread per account, each saving releases
      until SECONDS have passed (or the file ACKS.stop exists); every save answered 303 to
      /admin/releases/ID?done=save is appended to ACKS as one JSON line (id, form_key, title,
      summary, body, user, acked_at). Prints a summary line on stderr.
  writers.py check DB ACKS [BEFORE]  every acknowledged release (acked before the epoch second BEFORE,
      when given) is in DB, complete: its row, its first revision and its audit entry hold exactly
      what was sent. Prints "present N", then any problem, one a line; exits 1 on a problem.

Only the Python standard library: the point is to act like any browser, nothing more.
"""
import http.client
import json
import os
import random
import re
import sqlite3
import sys
import threading
import time
import urllib.parse

CSRF = re.compile(r'name="csrf" value="([^"]*)"')
FORM_KEY = re.compile(r'name="form_key" value="([0-9a-f]*)"')
DONE = re.compile(r"/admin/releases/([0-9]+)\?done=save$")


class Browser:
    """One person's cookies and requests; every network failure is an unacknowledged answer."""

    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port or 80
        self.cookies = {}

    def request(self, method, path, fields=None):
        body = urllib.parse.urlencode(fields) if fields is not None else None
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection(self.host, self.port, timeout=15)
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            text = r.read().decode("utf-8", "replace")
            for name, value in r.getheaders():
                if name.lower() == "set-cookie":
                    k, _, v = value.split(";", 1)[0].partition("=")
                    self.cookies[k.strip()] = v.strip()
            return r.status, r.getheader("Location") or "", text
        except (OSError, http.client.HTTPException):
            return 0, "", ""
        finally:
            conn.close()


def login(b, name, password):
    status, _, page = b.request("GET", "/login")
    m = CSRF.search(page)
    if status != 200 or not m:
        return False
    status, _, _ = b.request("POST", "/login", {"name": name, "password": password,
                                                 "csrf": m.group(1), "next": "/admin"})
    return status == 303


def one_text(tag, who, n):
    """A title, summary and body no other save shares, with some Markdown and non-ASCII text."""
    mark = f"{tag}-{who}-{n}-{random.getrandbits(48):012x}"
    title = f"Durability check {mark}"
    summary = f"Summary for {mark}: the Chambers' delegation (Bandar Seri Begawan) reports."
    body = (f"Release **{mark}** was typed by {who}.\n\n## Détails\n\n"
            + "\n".join(f"- point {i} of {mark}" for i in range(1 + n % 7))
            + "\n\nLong paragraph: " + " ".join(["words"] * (20 + n % 40)) + ".")
    return title, summary, body


def writer(base, acks, lock, deadline, stop, tag, who, password, stats):
    b = Browser(base)
    n = 0
    while time.time() < deadline and not os.path.exists(stop):
        status, location, page = b.request("GET", "/admin/releases/new")
        if status == 303 and "/login" in location or status == 200 and not FORM_KEY.search(page):
            if not login(b, who, password):
                time.sleep(0.05)
            continue
        if status != 200:
            stats["unanswered"] += 1
            time.sleep(0.02)
            continue
        n += 1
        title, summary, body = one_text(tag, who, n)
        key = FORM_KEY.search(page).group(1)
        status, location, _ = b.request("POST", "/admin/releases", {
            "csrf": CSRF.search(page).group(1), "form_key": key, "title": title,
            "summary": summary, "body": body, "event_id": "", "action": "save"})
        m = DONE.search(location)
        if status == 303 and m:
            line = json.dumps({"id": int(m.group(1)), "form_key": key, "title": title, "summary": summary,
                               "body": body, "user": who, "acked_at": time.time()})
            with lock:
                with open(acks, "a", encoding="utf-8") as f:
                    f.write(line + "\n")
                    f.flush()
            stats["acked"] += 1
        else:
            stats[str(status)] = stats.get(str(status), 0) + 1


def write(base, acks, seconds, tag, accounts):
    deadline = time.time() + float(seconds)
    lock = threading.Lock()
    stats = {"acked": 0, "unanswered": 0}
    threads = []
    for i, acc in enumerate(accounts):
        who, _, password = acc.partition(":")
        t = threading.Thread(target=writer, args=(base, acks, lock, deadline, acks + ".stop",
                                                   f"{tag}{i}", who, password, stats))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    print("writers: " + " ".join(f"{k}={v}" for k, v in sorted(stats.items())), file=sys.stderr)
    return 0


def check(db, acks, before=None):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    problems, present = [], 0
    audited = {row[0] for row in con.execute("SELECT subject FROM audit_log WHERE action = 'release_saved'")}
    # The writers are still appending: a last line without its newline is half-written, not an ack yet.
    with open(acks, encoding="utf-8") as f:
        saves = [json.loads(line) for line in f if line.endswith("\n") and line.strip()]
    for s in saves:
        if before is not None and s["acked_at"] >= before:
            continue
        row = con.execute("SELECT r.title, r.summary, r.body, r.form_key, u.name, instr(r.body_html, ?2) > 0 "
                          "FROM releases r JOIN users u ON u.id = r.author_id WHERE r.id = ?1",
                          (s["id"], s["title"].split()[-1])).fetchone()
        want = (s["title"], s["summary"], s["body"], s["form_key"], s["user"], 1)
        rev = con.execute("SELECT title, summary, body FROM release_revisions WHERE release_id = ? "
                          "ORDER BY version LIMIT 1", (s["id"],)).fetchone()
        if row is None:
            problems.append(f"release {s['id']} ({s['title']}) is missing")
        elif tuple(row) != want:
            names = ("title", "summary", "body", "form_key", "author", "body_html")
            problems.append(f"release {s['id']}: its {', '.join(n for n, a, b in zip(names, row, want) if a != b)} "
                            "do not match what was sent")
        elif rev is None or tuple(rev) != want[:3]:
            problems.append(f"release {s['id']}: its first revision is missing or differs")
        elif f"release:{s['id']}" not in audited:
            problems.append(f"release {s['id']}: no release_saved audit entry")
        else:
            present += 1
    print(f"present {present}")
    for p in problems[:20]:
        print(p)
    return 1 if problems else 0


def main(argv):
    if len(argv) >= 6 and argv[1] == "write":
        return write(argv[2], argv[3], argv[4], argv[5], argv[6:])
    if len(argv) in (4, 5) and argv[1] == "check":
        return check(argv[2], argv[3], float(argv[4]) if len(argv) == 5 else None)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
