# pages_lib.sh: the events, organisations, engagements and metadata tests' shared data and readers.
# Sourced by t_meta.sh, t_orgs.sh, t_pages.sh and t_year.sh (any of them may run alone, or first);
# relies on lib.sh and workflow_lib.sh. Every name here starts with pf_, PF_ or is a function.

. tests/e2e/workflow_lib.sh

# An event is public once a release about it can be read (cgi/store/event.h, EVENT_PUBLIC_SQL): the oracle
# the tests count with, on an events table aliased e.
PF_PUBLIC="EXISTS (SELECT 1 FROM releases r WHERE r.event_id = e.id AND r.status IN ('published','scheduled','withdrawn') AND r.published_at <= strftime('%Y-%m-%dT%H:%M:%SZ','now'))"

PF_UP_TITLE="Pages fixture: ASEAN meeting on mutual legal assistance"
PF_HOSTILE_EVENT="=HYPERLINK(\"http://evil.example/\",\"x\") </script><script>alert(1)</script> 'q' \\ <!-- & more"
PF_HOSTILE_TITLE="Release </script><script>alert(2)</script> \"quoted\" \\ & <!-- =1+2"
PF_DRAFT_EVENT="Pages fixture: an embargoed summit"

# A month two months ahead: the upcoming event runs on its 5th to 7th, office time.
PF_UP_MONTH=$(TZ=Asia/Brunei date -d "$(TZ=Asia/Brunei date +%Y-%m-15) +2 months" +%Y-%m)
PF_UP_DATES="5-7 $(date -d "$PF_UP_MONTH-05" '+%B %Y')"

# pf_event_release JAR ACTION TITLE EVENT_TITLE STARTS ENDS [curl options...]: JAR writes a release
# about a new event with these dates (the options add its other fields); NEW_ID as new_release sets it.
pf_event_release() {
	pf_jar=$1 pf_action=$2 pf_title=$3 pf_event=$4 pf_from=$5 pf_to=$6
	shift 6
	NR_EVENT=new
	new_release "$pf_jar" "$pf_title" "$pf_action" --data-urlencode "event_title=$pf_event" \
	    --data-urlencode "event_starts_on=$pf_from" --data-urlencode "event_ends_on=$pf_to" "$@"
	NR_EVENT=
}

# pf_slug TITLE: the slug of the event with that title.
pf_slug() {
	sql "SELECT slug FROM events WHERE title = '$(printf %s "$1" | sed "s/'/''/g")'"
}

# pages_fixture: once per database, whichever test comes first makes, through the staff forms:
# - an upcoming meeting in Kuala Lumpur, organised by the Fixture Legal Institute (FLI) and sponsored
#   by the Fixture Justice Fund, with the form's delegation (2 legal counsels of the AGC) and a second
#   one, sent by the State Judiciary Department, added with sqlite3 (the form makes only one);
# - a 2023 workshop whose event, release and delegation try to break out of the JSON-LD script element
#   and to run as spreadsheet formulas;
# - a draft release, never published, about an embargoed event.
# Sets PF_UP_SLUG, PF_UP_URL, PF_HOSTILE_SLUG, PF_HOSTILE_URL, PF_DRAFT_SLUG.
pages_fixture() {
	if [ -z "$(pf_slug "$PF_UP_TITLE")" ]; then
		pf_author="$TMP/pages-author1.jar" pf_admin="$TMP/pages-admin1.jar"
		login "$pf_author" author1 author-one-password
		login "$pf_admin" admin1 admin-one-password
		pf_event_release "$pf_author" submit "Chambers to attend the ASEAN meeting on legal assistance" \
		    "$PF_UP_TITLE" "$PF_UP_MONTH-05" "$PF_UP_MONTH-07" --data-urlencode event_kind=meeting \
		    --data-urlencode "event_venue=Shangri-La Hotel" --data-urlencode "event_city=Kuala Lumpur" \
		    --data-urlencode event_country=MY --data-urlencode event_participants=60 \
		    --data-urlencode event_countries=10 \
		    --data-urlencode "event_organisers=Fixture Legal Institute (FLI)" \
		    --data-urlencode "event_sponsors=Fixture Justice Fund" \
		    --data-urlencode "delegation_from=Attorney General's Chambers" \
		    --data-urlencode "member_role=legal counsel" \
		    --data-urlencode "member_department=Attorney General's Chambers" --data-urlencode member_count=2
		approve_publish "$pf_admin" "$NEW_ID" || diag "pages_fixture: the upcoming event's release is not published"
		sql "INSERT INTO delegations(event_id, organization_id) SELECT e.id, o.id FROM events e, organizations o
		    WHERE e.title = '$PF_UP_TITLE' AND o.slug = 'state-judiciary-department';
		    INSERT INTO delegation_members(delegation_id, role_title, organization_id, count, position)
		    SELECT max(d.id), 'judicial officer', o.id, 1, 0 FROM delegations d, organizations o
		    WHERE o.slug = 'state-judiciary-department'"
		pf_event_release "$pf_author" submit "$PF_HOSTILE_TITLE" "$PF_HOSTILE_EVENT" 2023-06-12 2023-06-13 \
		    --data-urlencode event_kind=workshop --data-urlencode "event_city=-Hat Yai, \"south\"" \
		    --data-urlencode event_country=TH --data-urlencode "delegation_from=Attorney General's Chambers" \
		    --data-urlencode "member_role=@SUM(1+1) officer" --data-urlencode "member_department=+44 Department" \
		    --data-urlencode member_count=3
		approve_publish "$pf_admin" "$NEW_ID" || diag "pages_fixture: the hostile release is not published"
		pf_event_release "$pf_author" save "Chambers to attend an embargoed summit" "$PF_DRAFT_EVENT" \
		    2026-11-02 2026-11-03 --data-urlencode event_kind=conference \
		    --data-urlencode "event_organisers=Embargoed Organising Office"
	fi
	PF_UP_SLUG=$(pf_slug "$PF_UP_TITLE")
	PF_HOSTILE_SLUG=$(pf_slug "$PF_HOSTILE_EVENT")
	PF_DRAFT_SLUG=$(pf_slug "$PF_DRAFT_EVENT")
	PF_UP_URL=$(public_url "$(sql "SELECT r.id FROM releases r JOIN events e ON e.id = r.event_id WHERE e.slug = '$PF_UP_SLUG'")")
	PF_HOSTILE_URL=$(public_url "$(sql "SELECT r.id FROM releases r JOIN events e ON e.id = r.event_id WHERE e.slug = '$PF_HOSTILE_SLUG'")")
}

# ld_json FILE EXPR: the page's one JSON-LD block read by a strict JSON parser, and the Python
# expression EXPR of it (as d) printed, as JSON unless it is a string; fails when there is not
# exactly one block or it is not JSON.
ld_json() {
	python3 - "$1" "$2" <<'EOF'
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
if len(blocks) != 1:
    sys.exit("#   want one JSON-LD block, found %d" % len(blocks))
d = json.loads(blocks[0])
v = eval(sys.argv[2], {"d": d})
print(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
EOF
}

# head_meta FILE KEY: the content of the head's <meta name|property=KEY>, or for KEY canonical the
# href of <link rel="canonical">, with HTML entities decoded ("" when there is none).
head_meta() {
	python3 - "$1" "$2" <<'EOF'
import sys
from html.parser import HTMLParser
class Head(HTMLParser):
    found = {}
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("name" in a or "property" in a):
            self.found.setdefault(a.get("name") or a.get("property"), a.get("content", ""))
        if tag == "link" and a.get("rel") == "canonical":
            self.found.setdefault("canonical", a.get("href", ""))
h = Head()
h.feed(open(sys.argv[1], encoding="utf-8").read())
print(h.found.get(sys.argv[2], ""))
EOF
}

# text_in FILE: the page's text on one line, tags dropped, entities decoded, spaces squeezed.
text_in() {
	tr '\n' ' ' < "$1" | sed -e 's/<[^>]*>//g' | html_unescape | sed 's/  */ /g'
}
