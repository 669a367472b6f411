# opendata_lib.sh: helpers for the feed, calendar and API tests (t_feeds.sh, t_ical.sh, t_api.sh).
# Relies on lib.sh and workflow_lib.sh. Not a t_*.sh file: run.sh does not run it alone. Names start with od_.

. tests/e2e/workflow_lib.sh

# Listed releases (published and due, not withdrawn) and public ones (withdrawn too), as the SQL of
# cgi/store/release.c says: the clock is in the query.
OD_NOW="strftime('%Y-%m-%dT%H:%M:%SZ','now')"
OD_LISTED="status IN ('published','scheduled') AND published_at <= $OD_NOW AND (withdraw_at IS NULL OR withdraw_at > $OD_NOW)"
OD_VIEWABLE="status IN ('published','scheduled','withdrawn') AND published_at <= $OD_NOW"

# od_logins PREFIX: author1 and editor1 log in with fresh jars; sets OD_A and OD_E, and OD_OK.
od_logins() {
	OD_A="$TMP/$1-author1.jar" OD_E="$TMP/$1-editor1.jar"
	rm -f "$OD_A" "$OD_E"
	login "$OD_A" author1 author-one-password; od_s1=$STATUS
	login "$OD_E" editor1 editor-one-password; od_s2=$STATUS
	check "author1 and editor1 log in ($od_s1 $od_s2)" test "$od_s1 $od_s2" = "303 303"
}

# od_new TITLE ACTION [curl options...]: author1 writes a release (with the event NR_EVENT, when
# set) and saves or submits it; sets NEW_ID.
od_new() {
	od_t=$1 od_act=$2
	shift 2
	new_release "$OD_A" "$od_t" "$od_act" "$@"
}

# od_published TITLE [curl options...]: author1 writes and submits, editor1 approves and publishes; sets NEW_ID.
od_published() {
	od_pt=$1
	shift
	od_new "$od_pt" submit "$@" && [ -n "$NEW_ID" ] && approve_publish "$OD_E" "$NEW_ID"
}

# od_with_event TITLE EVENT_TITLE FIRST LAST ORGANISER DEPARTMENT: a published release about a new
# workshop (venue "Convention Centre, Hall 2; East Wing", Kuala Lumpur) organised by ORGANISER, with a
# delegation of the office whose two legal counsels come from DEPARTMENT; sets NEW_ID, OD_EVENT (the
# event's id) and OD_EVENT_SLUG.
od_with_event() {
	NR_EVENT=new
	od_published "$1" --data-urlencode "event_title=$2" --data-urlencode event_kind=workshop \
	    --data-urlencode "event_starts_on=$3" --data-urlencode "event_ends_on=$4" \
	    --data-urlencode "event_venue=Convention Centre, Hall 2; East Wing" --data-urlencode "event_city=Kuala Lumpur" \
	    --data-urlencode event_country=MY --data-urlencode "event_organisers=$5" \
	    --data-urlencode "delegation_from=Attorney General's Chambers" --data-urlencode "member_role=legal counsel" \
	    --data-urlencode "member_department=$6" --data-urlencode member_count=2 --data-urlencode member_names=
	NR_EVENT=
	OD_EVENT=$(sql "SELECT event_id FROM releases WHERE id = ${NEW_ID:-0}")
	OD_EVENT_SLUG=$(sql "SELECT slug FROM events WHERE id = ${OD_EVENT:-0}")
	[ -n "$OD_EVENT_SLUG" ]
}

# od_draft_event PREFIX: author1 saves a draft about a new visit ("PREFIX Unannounced Visit" in 40
# days, organised by "PREFIX Secret Host"), which no public release is about; sets OD_DRAFT_EVENT
# (its id) and OD_DRAFT_SLUG.
od_draft_event() {
	NR_EVENT=new
	od_new "$1: a draft about a visit not yet announced" save --data-urlencode "event_title=$1 Unannounced Visit" \
	    --data-urlencode event_kind=visit --data-urlencode "event_starts_on=$(date -d '+40 days' +%F)" \
	    --data-urlencode "event_organisers=$1 Secret Host"
	NR_EVENT=
	OD_DRAFT_EVENT=$(sql "SELECT event_id FROM releases WHERE id = ${NEW_ID:-0}")
	OD_DRAFT_SLUG=$(sql "SELECT slug FROM events WHERE id = ${OD_DRAFT_EVENT:-0}")
}

# od_office_time [DATE ARGS]: a datetime-local value in the office's zone (for publish_at).
od_office_time() {
	TZ=Asia/Brunei date -d "$1" +%Y-%m-%dT%H:%M
}

# od_twice COMMAND...: COMMAND, and once more a second later if it failed: a schedule another test
# left may come due between a response and the query it is compared with.
od_twice() {
	"$@" && return 0
	sleep 1
	"$@"
}

# od_atom FILE: checks an Atom feed (RFC 4287): the namespace, the feed's id, title, updated, self
# link and author, and each entry's id (unique), title, link, published, updated, author, summary
# (perhaps empty) and content type="html"; prints each entry as "RELEASE_ID<TAB>TITLE", in order.
od_atom() {
	python3 - "$1" "$BASE" <<'PY'
import re, sys, xml.etree.ElementTree as ET
A = '{http://www.w3.org/2005/Atom}'
STAMP = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$')
def fail(why):
    print('#   atom: ' + why, file=sys.stderr)
    sys.exit(1)
def text(el, tag, where):
    e = el.find(A + tag)
    if e is None or not (e.text or '').strip():
        fail('%s has no <%s>' % (where, tag))
    return e.text
root = ET.parse(sys.argv[1]).getroot()
if root.tag != A + 'feed':
    fail('the root is %s, not an Atom feed' % root.tag)
text(root, 'id', 'the feed'); text(root, 'title', 'the feed')
if not STAMP.match(text(root, 'updated', 'the feed')):
    fail('the feed\'s <updated> is not an RFC 3339 time')
if root.find(A + "link[@rel='self']") is None:
    fail('the feed has no self link')
seen = set()
for n, en in enumerate(root.findall(A + 'entry')):
    where = 'entry %d' % (n + 1)
    eid = text(en, 'id', where)
    if eid in seen:
        fail('%s repeats the id %s' % (where, eid))
    seen.add(eid)
    m = re.match(r'^tag:[^,]+,\d{4}-\d\d-\d\d:release-(\d+)$', eid)
    if not m:
        fail('%s: the id %s is not a tag: URI' % (where, eid))
    for tag in ('published', 'updated'):
        if not STAMP.match(text(en, tag, where)):
            fail('%s: <%s> is not an RFC 3339 time' % (where, tag))
    link = en.find(A + "link[@rel='alternate']")
    if link is None or not link.get('href', '').startswith(sys.argv[2] + '/news/'):
        fail('%s has no alternate link to a release page' % where)
    if en.find(A + 'author/' + A + 'name') is None:
        fail('%s has no author' % where)
    content = en.find(A + 'content')
    if content is None or content.get('type') != 'html' or not (content.text or '').strip():
        fail('%s has no content type="html"' % where)
    if en.find(A + 'summary') is None:
        fail('%s has no <summary>' % where)
    print('%s\t%s' % (m.group(1), text(en, 'title', where)))
PY
}

# od_feedparser FILE COUNT: a feed reader library (Debian's python3-feedparser) reads the feed with
# no error and finds COUNT entries.
od_feedparser() {
	for od_py in python3 /usr/bin/python3; do
		$od_py -c 'import feedparser' 2>/dev/null || continue
		$od_py - "$1" "$2" <<'PY'
import sys, feedparser
d = feedparser.parse(sys.argv[1])
if d.bozo or d.version != 'atom10' or len(d.entries) != int(sys.argv[2]):
    print('#   feedparser: bozo %s %r, version %r, %d entries' % (d.bozo, d.get('bozo_exception'), d.version, len(d.entries)), file=sys.stderr)
    sys.exit(1)
PY
		return
	done
	diag "no python3 with feedparser (apt-get install python3-feedparser)"
	return 1
}
