#!/usr/bin/env python3
"""seeds: writes the seed corpora of tests/fuzz/corpus (FastCGI encoded as tests/e2e/fcgi_client.py does).

Run from the repository root: python3 tests/fuzz/seeds.py. The seeds are realistic requests on the
demo content (the UNODC workshop, Bangkok, 18-19 February 2025) and the fuzz site's admin session.
"""
import os, sys, struct, urllib.parse
sys.dont_write_bytecode = True   # no __pycache__ left in tests/e2e
sys.path.insert(0, "tests/e2e")
from fcgi_client import record, params, BEGIN, PARAMS, STDIN
SESSION = "5e5510f0" * 8
CSRF = "c5cf" * 16
root = "tests/fuzz/corpus"
def put(target, name, data):
    d = os.path.join(root, target); os.makedirs(d, exist_ok=True)
    open(os.path.join(d, name), "wb").write(data if isinstance(data, bytes) else data.encode())

REL = "/news/2025/02/chambers-joins-regional-workshop-on-trafficking-for-forced-criminality"
EVENT = "/events/regional-workshop-trafficking-forced-criminality-2025"
BODY_MD = ("Two judicial officers and two legal counsels took part in a regional workshop in **Bangkok, Thailand**, "
           "on 18 and 19 February 2025.\n\nThe workshop was run by the United Nations Office on Drugs and Crime (UNODC) "
           "with support from the [European Union](https://europa.eu).\n\n## What the course covered\n\n"
           "- Legal analysis of such cases\n- Practice from several Southeast Asian countries\n\n"
           "About forty legal practitioners from nine countries attended.\n")
form = [("csrf", CSRF), ("title", "Chambers joins UNODC regional workshop on trafficking for forced criminality"),
        ("summary", "Two judicial officers and two legal counsels took part in a two-day UNODC workshop in Bangkok."),
        ("body", BODY_MD), ("event_id", "new"),
        ("event_title", "Regional Workshop on Trafficking in Persons for Forced Criminality"),
        ("event_kind", "workshop"), ("event_starts_on", "2025-02-18"), ("event_ends_on", "2025-02-19"),
        ("event_venue", "Centara Grand"), ("event_city", "Bangkok"), ("event_country", "TH"),
        ("event_participants", "40"), ("event_countries", "9"),
        ("event_organisers", "United Nations Office on Drugs and Crime"), ("event_sponsors", "European Union"),
        ("delegation_from", "Attorney General's Chambers"),
        ("member_role", "legal counsel"), ("member_department", "Attorney General's Chambers"), ("member_count", "2"),
        ("member_names", ""), ("member_role", "judicial officer"), ("member_department", "State Judiciary Department"),
        ("member_count", "2"), ("member_names", "")]
release_body = urllib.parse.urlencode(form)
queries = ["q=UNODC+workshop+Bangkok", "year=2025&kind=workshop&org=unodc&country=TH",
           "before=2025-02-24T02:00:00Z.1", "after=2025-02-24T02:00:00Z.12&year=2025",
           "q=%22forced+criminality%22+AND+tra*", "page=2&q=caf%C3%A9"]

# urlencoded: first byte 0 = the worker's limits, 1 = tiny limits.
for i, q in enumerate(queries):
    put("urlencoded", f"query-{i}", b"\0" + q.encode())
put("urlencoded", "release-form", b"\0" + release_body.encode())
put("urlencoded", "tiny-limits", b"\1a=1&bb=22&ccc=333&dddd=4444")
put("urlencoded", "bad-escape", b"\0q=%zz&x=%C3%28")

# multipart: first byte bit 0 = tiny limits, bit 1 = the first line is the Content-Type (else boundary XyZ).
def multipart(parts, boundary="XyZ", preamble=b"", epilogue=b""):
    out = preamble
    for p in parts:
        name, value = p[0], p[1]
        head = f'Content-Disposition: form-data; name="{name}"'.encode()
        if len(p) > 2:
            head += b'; filename="' + p[2] + b'"\r\nContent-Type: ' + p[3].encode()
        out += b"--" + boundary.encode() + b"\r\n" + head + b"\r\n\r\n" + \
            (value if isinstance(value, bytes) else value.encode()) + b"\r\n"
    return out + b"--" + boundary.encode() + b"--\r\n" + epilogue
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
release_mp = multipart(form + [("photo", JPEG, b"bangkok-workshop.jpg", "image/jpeg"),
                               ("attachment", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"programme.pdf", "application/pdf")])
put("multipart", "release-form", b"\0" + release_mp)
put("multipart", "quoted-boundary", b"\2" + b'multipart/form-data; charset=utf-8; boundary="a b:c?(1)"\n'
    + multipart([("title", "Bangkok"), ("empty", b"", b"", "application/octet-stream")], boundary="a b:c?(1)"))
put("multipart", "tiny-limits", b"\1" + multipart([("a", "1"), ("bb", "22"), ("f", b"0123456789abcdef", b"f.txt", "text/plain")]))
put("multipart", "hostile-names", b"\0" + multipart([("doc", b"x", b"../../etc/passwd", "text/plain"),
    ("doc", b"y", b"C:\\Users\\Ana\\a\x00b\x01.txt", "text/plain"), ("doc", b"z", b"caf\xc3\xa9\xff.pdf", "application/pdf")]))
put("multipart", "preamble-epilogue", b"\0" + multipart([("q", "UNODC")], preamble=b"ignored --XyZ preamble\r\n",
    epilogue=b"ignored epilogue\r\n--XyZ\r\n"))
put("multipart", "boundary-in-content", b"\0" + multipart([("f", b"--XyZ at the start\r\nxx--XyZ\r\n--XyZX\r\n--XyZ-\r\n\r--XyZ\r\n",
    b"f.bin", "application/octet-stream")]))
put("multipart", "malformed", b"\0--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n--XyZ\rX: y\r\n\r\nx\r\n--XyZ")

# cookies
put("cookies", "session", f"pr_session={SESSION}; pr_login={CSRF}")
put("cookies", "shared-domain", "_ga=GA1.2.3.4; theme=dark;pr_session=abc; =x; y; pr_parked=1f2e3d")
put("cookies", "encoded", "name=%E2%80%99quoted%22; other=a%20b")

# valid: first byte picks slugify's length and parse_long's range; the rest is a form and a string.
put("valid", "release-form", b"\x49" + release_body.encode())
put("valid", "event", b"\x10title=Regional+Workshop&starts=2025-02-18&people=40&kind=workshop&country=th&slug=unodc-2025&event=3")
put("valid", "bad", b"\x05title=%0A&starts=2025-02-30&people=-1&kind=party&country=T&slug=a--b&event=0")
put("valid", "date", b"\x00" + b"2024-02-29")
put("valid", "local-time", b"\x00" + b"2025-02-18T09:30")
put("valid", "utf8", b"\x21" + "Chambers’ workshop — Bangkok, café".encode())

# markdown
put("markdown", "release", BODY_MD)
put("markdown", "hostile", "<script>alert(1)</script>\n\n[x](javascript:alert(1)) ![i](data:text/html,x) <img src=x onerror=alert(1)>\n\n```html\n<b>code</b>\n```\n> quote *em* **strong** `code`\n\n1. one\n2. two\n\n---\n[ref]: https://www.unodc.org \"UNODC\"\n")

# search
put("search", "terms", "q=UNODC+workshop+Bangk")
put("search", "phrase", "q=%22forced+criminality%22+NOT+OR+title%3Abangkok+-eu+%5E*&before=2025-02-24T02:00:00Z.1")
put("search", "cursor", "after=2025-02-24T02:00:00Z.12")
put("search", "marked", "\x02UNODC\x03 workshop in \x02Bangkok\x03\x02")

# request: NAME=value lines, an empty line, the body
def req(lines, body=""):
    return ("\n".join(lines) + "\n\n").encode() + (body if isinstance(body, bytes) else body.encode())
base = ["REMOTE_ADDR=127.0.0.1", "HTTPS=on"]
gets = {"home": "/?year=2025&kind=workshop", "release": REL, "event": EVENT, "event-ics": EVENT + ".ics",
        "search": "/search?q=Bangkok+workshop", "orgs": "/organisations/unodc", "year": "/engagements/2025",
        "csv": "/engagements/2025.csv", "feed": "/feed.atom", "api": "/api/v1/releases?limit=5",
        "sitemap": "/sitemap.xml", "login": "/login", "missing": "/news/2025/02/nothing"}
for name, uri in gets.items():
    put("request", "get-" + name, req(["REQUEST_METHOD=GET", "REQUEST_URI=" + uri,
        "QUERY_STRING=" + uri.partition("?")[2]] + base))
put("request", "conditional", req(["REQUEST_METHOD=GET", "REQUEST_URI=/", "QUERY_STRING=",
    'HTTP_IF_NONE_MATCH=W/"0123", "abcd"', "HTTP_IF_MODIFIED_SINCE=Mon, 24 Feb 2025 02:00:00 GMT"] + base))
put("request", "head", req(["REQUEST_METHOD=HEAD", "REQUEST_URI=/events", "QUERY_STRING="] + base))
adm = ["HTTP_COOKIE=pr_session=" + SESSION]
for name, uri in {"dashboard": "/admin", "new": "/admin/releases/new", "edit": "/admin/releases/1",
                  "history": "/admin/releases/1/history", "users": "/admin/users", "audit": "/admin/audit",
                  "review": "/admin/review"}.items():
    put("request", "admin-" + name, req(["REQUEST_METHOD=GET", "REQUEST_URI=" + uri, "QUERY_STRING="] + base + adm))
form_ct = "CONTENT_TYPE=application/x-www-form-urlencoded"
put("request", "post-release", req(["REQUEST_METHOD=POST", "REQUEST_URI=/admin/releases", "QUERY_STRING=", form_ct]
    + base + adm, release_body))
put("request", "post-workflow", req(["REQUEST_METHOD=POST", "REQUEST_URI=/admin/releases/1/workflow", "QUERY_STRING=",
    form_ct] + base + adm, f"csrf={CSRF}&version=1&action=submit&note=Ready+for+review"))
put("request", "post-comment", req(["REQUEST_METHOD=POST", "REQUEST_URI=/admin/releases/1/comments", "QUERY_STRING=",
    form_ct] + base + adm, f"csrf={CSRF}&comment=Please+check+the+dates+%2818-19+February%29"))
put("request", "post-login", req(["REQUEST_METHOD=POST", "REQUEST_URI=/login", "QUERY_STRING=", form_ct,
    "HTTP_COOKIE=pr_login=" + CSRF] + base, f"name=fuzz&password=wrong-password&csrf={CSRF}&next=/admin"))
put("request", "post-multipart", req(["REQUEST_METHOD=POST", "REQUEST_URI=/admin/releases", "QUERY_STRING=",
    "CONTENT_TYPE=multipart/form-data; boundary=xyz"] + base + adm,
    '--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nBangkok\r\n--xyz--\r\n'))
put("request", "post-multipart-release", req(["REQUEST_METHOD=POST", "REQUEST_URI=/admin/releases", "QUERY_STRING=",
    "CONTENT_TYPE=multipart/form-data; boundary=XyZ"] + base + adm, release_mp))
put("request", "post-cross-site", req(["REQUEST_METHOD=POST", "REQUEST_URI=/admin/releases/1/comments",
    "QUERY_STRING=", form_ct] + base + ["HTTP_SEC_FETCH_SITE=same-site"] + adm,
    f"csrf={CSRF}&comment=From+another+site"))
put("request", "post-no-length", req(["REQUEST_METHOD=POST", "REQUEST_URI=/login", "CONTENT_LENGTH=", form_ct] + base))

# fcgi: whole streams as nginx sends them
def stream(method, uri, body=b"", extra=(), keep=0):
    pairs = [("REQUEST_METHOD", method), ("REQUEST_URI", uri), ("QUERY_STRING", uri.partition("?")[2]),
             ("REMOTE_ADDR", "127.0.0.1"), ("CONTENT_LENGTH", str(len(body))),
             ("CONTENT_TYPE", "application/x-www-form-urlencoded")] + list(extra)
    s = record(BEGIN, struct.pack(">HB5x", 1, keep)) + record(PARAMS, params(pairs)) + record(PARAMS, b"")
    if body:
        s += record(STDIN, body)
    return s + record(STDIN, b"")
put("fcgi", "get-home", stream("GET", "/?year=2025"))
put("fcgi", "get-release", stream("GET", REL, extra=[("HTTP_COOKIE", "pr_session=" + SESSION)]))
put("fcgi", "get-search", stream("GET", "/search?q=UNODC+Bangkok"))
put("fcgi", "post-release", stream("POST", "/admin/releases", release_body.encode(),
    extra=[("HTTP_COOKIE", "pr_session=" + SESSION)]))
put("fcgi", "keep-conn", stream("GET", "/events", keep=1))
put("fcgi", "long-param", stream("GET", "/", extra=[("HTTP_USER_AGENT", "Mozilla/5.0 " * 20)]))
