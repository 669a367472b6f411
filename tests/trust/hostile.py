#!/usr/bin/env python3
"""hostile: sends the requests of a hostile-input table over raw sockets, and crawls a site for payloads.

usage: hostile.py table HOST PORT TABLE STATUSES_LOG [SOCKET]
       hostile.py crawl HOST PORT START_PATH... [--cookie C] [--max N]
       hostile.py payload NAME            (prints one payload, for the shell)
Raw sockets, because curl cannot send a body longer or shorter than its Content-Length, leave the
Content-Length out of a POST, or put a NUL in a request line. Each answer becomes one line on stdout,
"PASS<TAB>description" or "FAIL<TAB>description<TAB>why"; the shell turns those into TAP lines.
Placeholders in the table ({NAME}) come from the environment as H_NAME; {P:name} is a payload,
percent-encoded; {REP:text:N} is text N times; {FIELDS:N} is N fields f0=v&f1=v...
"""
import html.parser
import json
import os
import re
import socket
import struct
import sys
import urllib.parse
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import fcgi_client  # noqa: E402  (tests/e2e/fcgi_client.py: records and params)

# Every payload carries "pwn" so the crawl can find where each one ended up.
PAYLOADS = {
    "script": '<script>alert("pwn1")</script>',
    "img": '"><img src=x onerror=alert(\'pwn2\')>',
    "attr": "' onmouseover='alert(\"pwn3\")' x='",
    "js": "javascript:alert('pwn4')",
    "mdlink": "[pwn5 link](javascript:alert('pwn5')) <a href=\"javascript:alert('pwn5')\">x</a>",
    "tpl": "{{pwn6}} {{#pwn6}}{{/pwn6}} ${pwn6} <%= pwn6 %>",
    "cdata": "]]><pwn7/><![CDATA[ --> <!-- pwn7",
    "sql": "pwn8' OR '1'='1'; DROP TABLE users; -- \" ; SELECT * FROM sessions /*",
    "style": "<style>body{display:none}</style><b style=\"color:red\">pwn9</b>",
    "svg": "<svg onload=alert('pwn10')><iframe src=\"javascript:alert('pwn10')\"></iframe>",
}
HUMAN = re.compile(rb"<title>[^<]+</title>", re.I)
H1 = re.compile(rb"<h1[^>]*>", re.I)
TRACE = re.compile(rb"Traceback|Segmentation|AddressSanitizer|SQLITE_|sqlite3_|syntax error|core dumped", re.I)


def expand(text, env):
    """The table's cell, placeholders filled, backslash escapes (\\x00, \\r\\n) turned into bytes."""
    def one(m):
        name = m.group(1)
        if name.startswith("P:"):
            return urllib.parse.quote(PAYLOADS[name[2:]], safe="")
        if name.startswith("REP:"):
            _, piece, n = name.split(":")
            return piece * int(n)
        if name.startswith("FIELDS:"):
            return "&".join("f%d=v" % i for i in range(int(name[7:])))
        return env.get("H_" + name, "")
    text = re.sub(r"\{([A-Z0-9]+(?::[^}]*)?)\}", one, text)
    return text.encode("latin-1").decode("unicode_escape").encode("latin-1")


def http_parse(raw):
    """(status, headers dict of lists, body) of a raw HTTP answer; status 0 when there was none."""
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    m = re.match(rb"HTTP/1\.[01] (\d{3})", lines[0] if lines else b"")
    if not m:
        return 0, {}, raw
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers.setdefault(name.strip().lower().decode("latin-1"), []).append(value.strip().decode("latin-1"))
    if "chunked" in ",".join(headers.get("transfer-encoding", [])):
        out, rest = b"", body
        while rest:
            size, _, rest = rest.partition(b"\r\n")
            n = int(size.split(b";")[0] or b"0", 16)
            if n == 0:
                break
            out, rest = out + rest[:n], rest[n + 2:]
        body = out
    return int(m.group(1)), headers, body


def exchange(host, port, request, half_close):
    """Sends a request on a new connection; the whole answer (the server closes: Connection: close)."""
    s = socket.create_connection((host, port), timeout=10)
    try:
        s.sendall(request)
        if half_close:
            s.shutdown(socket.SHUT_WR)   # a truncated body: the client gives up mid-way
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except (socket.timeout, ConnectionResetError):
                break
            if not chunk:
                break
            data += chunk
        return data
    finally:
        s.close()


def fcgi_exchange(sock_path, method, target, headers, body, declared):
    """The same request straight to pressroom's socket, as the web server would pass it on."""
    path, _, query = target.partition(b"?")
    pairs = [("REQUEST_METHOD", method.decode("latin-1")), ("REQUEST_URI", target.decode("latin-1")),
             ("QUERY_STRING", query.decode("latin-1")), ("REMOTE_ADDR", "127.0.0.1")]
    if declared is not None:
        pairs.append(("CONTENT_LENGTH", str(declared)))
    for name, value in headers:
        key = name.upper().replace("-", "_")
        key = key if key in ("CONTENT_TYPE", "HTTPS") else "HTTP_" + key
        pairs.append((key, value))
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(10)
    s.connect(sock_path)
    out = fcgi_client.params([(k, v.encode("latin-1").decode("utf-8", "surrogateescape")) for k, v in pairs])
    s.sendall(fcgi_client.record(fcgi_client.BEGIN, struct.pack(">HB5x", 1, 0)))
    s.sendall(fcgi_client.record(fcgi_client.PARAMS, out) + fcgi_client.record(fcgi_client.PARAMS, b""))
    if body:
        s.sendall(fcgi_client.record(fcgi_client.STDIN, body))
    s.sendall(fcgi_client.record(fcgi_client.STDIN, b""))
    raw = fcgi_client.read_response(s)
    s.close()
    head, _, rest = raw.partition(b"\r\n\r\n")
    m = re.search(rb"^Status: (\d{3})", head, re.M)
    return b"HTTP/1.1 %s X\r\n%s\r\n\r\n%s" % (m.group(1) if m else b"200", head, rest)


def build(method, target, headers, body, declared):
    lines = [b"%s %s HTTP/1.1" % (method, target), b"Connection: close"]
    if not any(n.lower() == "host" for n, _ in headers):
        lines.append(b"Host: 127.0.0.1")
    lines += [b"%s: %s" % (n.encode("latin-1"), v.encode("latin-1")) for n, v in headers]
    if declared is not None:
        lines.append(b"Content-Length: %d" % declared)
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def judge(want, status, headers, body, web, api):
    """Why the answer is wrong, or None. 000 is wanted only where the client hung up first."""
    if status == 0:
        return None if "000" in want else "no HTTP answer"
    if status >= 500:
        return "a server error %d" % status
    if str(status) not in want:
        return "status %d, want %s" % (status, "/".join(want))
    if TRACE.search(body):
        return "the body shows internals"
    if status >= 400 and api:
        try:
            if "error" not in json.loads(body):
                return "the JSON answer names no error"
        except ValueError:
            return "the answer is not JSON"
    elif status >= 400:
        if not (HUMAN.search(body) and H1.search(body)):
            return "the body is not a human page (no <title> and <h1>)"
        if web and b"/static/style.css" in body:
            return "pressroom answered, not the web server"
        if not web and "text/html; charset=utf-8" not in headers.get("content-type", [""])[-1]:
            return "Content-Type is not text/html; charset=utf-8"
    for name in PAYLOADS:
        if PAYLOADS[name].encode() in body and headers.get("content-type", [""])[-1].startswith("text/html"):
            return "the %s payload comes back unescaped" % name
    return None


def run_table(host, port, table, statuses, sock_path):
    env = dict(os.environ)
    n = 0
    with open(table, encoding="utf-8") as f, open(statuses, "a") as log:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.split(" | ")]
            if len(cells) != 7:
                print("FAIL\ttable line has %d cells, not 7: %s\t" % (len(cells), line[:60]))
                continue
            want, method, target, auth, body, opts, desc = cells
            want = want.split(",")
            opts = [] if opts == "-" else opts.split(" ; ")
            headers, declared_delta, flags = [], 0, set()
            for o in opts:
                if o.startswith("h="):
                    name, _, value = o[2:].partition(":")
                    headers.append((name.strip(), expand(value.strip(), env).decode("latin-1")))
                elif o.startswith("len="):
                    declared_delta = int(o[4:])
                elif o in ("nolen", "raw", "web", "fcgi", "json"):
                    flags.add(o)
                else:
                    print("FAIL\t%s\tunknown option %s" % (desc, o))
            cookie = {"-": "", "login": "pr_login={LOGINTOKEN}", "author": "pr_session={AUTHOR}",
                      "author2": "pr_session={AUTHOR2}", "admin": "pr_session={ADMIN}"}[auth]
            csrf = {"login": "{LOGINTOKEN}", "author": "{AUTHORCSRF}", "author2": "{AUTHOR2CSRF}",
                    "admin": "{ADMINCSRF}"}.get(auth, "")
            body_b = expand(body.replace("{CSRF}", csrf), env) if body != "-" else b""
            if cookie and not any(h[0].lower() == "cookie" for h in headers):
                headers.append(("Cookie", expand(cookie, env).decode("latin-1")))
            if body != "-" and "raw" not in flags and not any(h[0].lower() == "content-type" for h in headers):
                headers.append(("Content-Type", "application/x-www-form-urlencoded"))
            declared = None if ("nolen" in flags or (body == "-" and method not in ("POST", "PUT"))) else len(body_b) + declared_delta
            m_b, t_b = expand(method, env), expand(target, env)
            if "raw" in flags:
                request = body_b
            else:
                request = build(m_b, t_b, headers, body_b, declared)
            try:
                if "fcgi" in flags:
                    answer = fcgi_exchange(sock_path, m_b, t_b, headers, body_b, declared)
                else:
                    answer = exchange(host, port, request, declared_delta > 0)
            except OSError as e:
                answer = b""
                print("#   %s: %s" % (desc, e), file=sys.stderr)
            status, hdrs, rbody = http_parse(answer)
            log.write("%03d %s %s\n" % (status, method, target[:80]))
            why = judge(want, status, hdrs, rbody, "web" in flags, "json" in flags)
            label = "%s \u2192 %03d" % (desc, status)
            if why:
                print("FAIL\t%s\t%s; body starts: %r" % (label, why, rbody[:300]))
            else:
                print("PASS\t%s" % label)
            n += 1
    print("#   hostile: %d cases" % n, file=sys.stderr)


class Scan(html.parser.HTMLParser):
    """Collects links and every sign of a payload that became markup."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.bad, self.script = [], [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            v = (value or "").strip().lower()
            if name.startswith("on"):
                self.bad.append("<%s %s=...>" % (tag, name))
            if name in ("href", "src", "action", "formaction") and v.startswith(("javascript:", "data:text")):
                self.bad.append("<%s %s=%r>" % (tag, name, value))
            if name == "style":
                self.bad.append("<%s style=...> (inline style)" % tag)
        if tag in ("img", "svg", "iframe", "style", "object", "embed", "base") and "pwn" in repr(a) + tag:
            self.bad.append("<%s> from a payload" % tag)
        if tag == "img" and a.get("src") == "x":
            self.bad.append("<img src=x>")
        if tag == "style":
            self.bad.append("<style> element (inline style)")
        if tag == "script":
            if a.get("src"):
                self.script = None
            elif a.get("type") == "application/ld+json":
                self.script = "json"
            else:
                self.bad.append("inline <script>")
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "link" and a.get("href") and a.get("rel") == "alternate":
            self.links.append(a["href"])
        if tag in ("pwn7",):
            self.bad.append("<pwn7> element")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self.script == "json":
            try:
                json.loads(data)
            except ValueError as e:
                self.bad.append("JSON-LD does not parse: %s" % e)
            self.script = None


def crawl(host, port, starts, cookie, limit):
    """Every same-site page reachable by GET from the starts; prints one PASS/FAIL line per check."""
    seen, queue, problems, kinds, shown = set(), list(starts), [], {}, 0
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen or not path.startswith("/") or path.startswith(("/static/", "//")):
            continue
        seen.add(path)
        headers = [("Cookie", cookie)] if cookie else []
        status, hdrs, body = http_parse(exchange(host, port, build(b"GET", path.encode(), headers, b"", None), False))
        ctype = hdrs.get("content-type", [""])[-1]
        kind = ctype.split(";")[0]
        kinds[kind] = kinds.get(kind, 0) + 1
        shown += b"pwn" in body
        if status >= 500 or status == 0:
            problems.append("%s: status %d" % (path, status))
            continue
        if status in (301, 302, 303, 307):
            loc = urllib.parse.urlsplit(hdrs.get("location", [""])[-1])
            queue.append(loc.path + ("?" + loc.query if loc.query else ""))
            continue
        if kind == "text/html":
            s = Scan()
            s.feed(body.decode("utf-8", "replace"))
            problems += ["%s: %s" % (path, b) for b in s.bad]
            for link in s.links:
                u = urllib.parse.urlsplit(urllib.parse.urljoin(path, link))
                if u.netloc in ("", "%s:%d" % (host, port)) and u.path not in ("/logout",):
                    queue.append(u.path + ("?" + u.query if u.query else ""))
        elif kind == "application/json":
            try:
                json.loads(body)
            except ValueError as e:
                problems.append("%s: JSON does not parse: %s" % (path, e))
        elif kind.endswith("xml"):
            try:
                root = ET.fromstring(body)
                if any(el.tag.endswith("pwn7") for el in root.iter()):
                    problems.append("%s: a payload became an XML element" % path)
            except ET.ParseError as e:
                problems.append("%s: XML does not parse: %s" % (path, e))
        elif kind == "text/calendar":
            unfolded = re.sub(rb"\r\n[ \t]", b"", body)
            for line in unfolded.split(b"\r\n"):
                if line and not re.match(rb"[A-Z0-9-]+[;:]", line) or b"\n" in line:
                    problems.append("%s: a payload broke an iCal line: %r" % (path, line[:80]))
    summary = ", ".join("%d %s" % (n, k) for k, n in sorted(kinds.items()))
    print("#   crawl: %d pages (%s)" % (len(seen), summary), file=sys.stderr)
    for p in problems[:20]:
        print("#   crawl: %s" % p, file=sys.stderr)
    return len(seen), shown, problems


def main():
    if sys.argv[1] == "payload":
        sys.stdout.write(PAYLOADS[sys.argv[2]])
        return 0
    host, port = sys.argv[2], int(sys.argv[3])
    if sys.argv[1] == "table":
        run_table(host, port, sys.argv[4], sys.argv[5], sys.argv[6] if len(sys.argv) > 6 else "")
        return 0
    args, cookie, limit, starts = sys.argv[4:], "", 400, []
    while args:
        a = args.pop(0)
        if a == "--cookie":
            cookie = args.pop(0)
        elif a == "--max":
            limit = int(args.pop(0))
        else:
            starts.append(a)
    n, shown, problems = crawl(host, port, starts, cookie, limit)
    label = "%d pages crawled%s, %d showing a payload: none as markup, every JSON and XML parses" % (
        n, " with a staff session" if cookie else "", shown)
    if not shown:
        problems.append("no page shows a payload: the crawl missed them")
    print(("FAIL\t%s\t%s" % (label, "; ".join(problems[:5]))) if problems else "PASS\t%s" % label)
    return 0


if __name__ == "__main__":
    sys.exit(main())
