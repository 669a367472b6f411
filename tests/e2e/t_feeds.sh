# t_feeds: Atom feeds (all, per event, per organisation) of listed releases only, their autodiscovery
# links, the sitemap (compared with the database) and robots.txt.

. tests/e2e/opendata_lib.sh
od_logins feeds

# Releases of our own: two published about a new event, and one each drafted, scheduled for
# tomorrow, withdrawn and unpublished about the same event. The first title needs XML escaping.
FP1='Feeds: "quoted" & <angled> release'
FP2='Feeds: the second release about the workshop'
od_with_event "$FP1" "Feeds Workshop on Open Government Data" 2025-05-05 2025-05-06 \
    "Feeds Test Organiser" "Feeds Test Department"
check "a release about a new event is published" test -n "$OD_EVENT_SLUG"
R1=$NEW_ID EV=$OD_EVENT EV_SLUG=$OD_EVENT_SLUG
NR_EVENT=$EV
od_published "$FP2"; R2=$NEW_ID
od_new "Feeds: a draft" save; RD=$NEW_ID
od_new "Feeds: scheduled for tomorrow" submit; RS=$NEW_ID
check "a release is scheduled for tomorrow" approve_publish "$OD_E" "${RS:-0}" \
    --data-urlencode "publish_at=$(od_office_time tomorrow)"
od_published "Feeds: withdrawn"; RW=$NEW_ID
check "a release is withdrawn" wf_step "$OD_E" "${RW:-0}" withdraw --data-urlencode "note=Superseded."
od_published "Feeds: unpublished"; RU=$NEW_ID
check "a release is unpublished" wf_step "$OD_E" "${RU:-0}" unpublish
NR_EVENT=
check "the six releases exist, two of them listed" \
    sql_is 2 "SELECT count(*) FROM releases WHERE id IN (${R1:-0},${R2:-0},${RD:-0},${RS:-0},${RW:-0},${RU:-0}) AND $OD_LISTED"
HIDDEN="Feeds: a draft|Feeds: scheduled for tomorrow|Feeds: withdrawn|Feeds: unpublished"

# feed_matches PATH SQL_IDS: GET PATH is an Atom feed (checked by od_atom) whose entries are the
# releases SQL_IDS selects, in its order.
feed_matches() {
	http GET "$1"
	[ "$STATUS" = 200 ] || { show_last; return 1; }
	od_atom "$BODY" > "$TMP/feeds-entries.tsv" || return 1
	fm_got=$(cut -f1 "$TMP/feeds-entries.tsv" | tr '\n' ' ')
	fm_want=$(sql "$2" | tr '\n' ' ')
	[ "$fm_got" = "$fm_want" ] || { diag "$1: entries $fm_got, the database says $fm_want"; return 1; }
}

# titles_ok: our listed titles are in the last feed, the hidden ones not.
titles_ok() {
	cut -f2- "$TMP/feeds-entries.tsv" > "$TMP/feeds-titles.txt"
	grep -qxF "$FP1" "$TMP/feeds-titles.txt" && grep -qxF "$FP2" "$TMP/feeds-titles.txt" &&
	    ! grep -qxE "$HIDDEN" "$TMP/feeds-titles.txt"
}

ALL_SQL="SELECT id FROM releases WHERE $OD_LISTED ORDER BY published_at DESC, id DESC LIMIT 50"
check "/feed.atom is valid Atom whose entries are the newest 50 listed releases, newest first" \
    od_twice feed_matches /feed.atom "$ALL_SQL"
check "/feed.atom is application/atom+xml; charset=utf-8" \
    eval 'hdr Content-Type | grep -qi "^application/atom+xml; *charset=utf-8"'
check "/feed.atom has both published releases (the title with \" & < > read back whole), no draft, scheduled, withdrawn or unpublished one" titles_ok
check "a feed reader library (feedparser) reads /feed.atom with no error and every entry" \
    od_feedparser "$BODY" "$(grep -c '' "$TMP/feeds-entries.tsv")"
check "the feed is well-formed for xml.dom.minidom too" \
    python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$BODY"
R1_URL="$BASE$(public_url "${R1:-0}")"
check "an entry links to the release's page, with its publication time, its body as HTML and its event's kind" \
    python3 - "$BODY" "${R1:-0}" "$R1_URL" "$(sql "SELECT published_at FROM releases WHERE id = ${R1:-0}")" <<'PY'
import sys, xml.etree.ElementTree as ET
A = '{http://www.w3.org/2005/Atom}'
for en in ET.parse(sys.argv[1]).getroot().findall(A + 'entry'):
    if en.find(A + 'id').text.endswith(':release-' + sys.argv[2]):
        ok = (en.find(A + "link[@rel='alternate']").get('href') == sys.argv[3]
              and en.find(A + 'published').text == sys.argv[4]
              and en.find(A + 'content').text.startswith('<p>Body of the release: Feeds: \u201cquoted\u201d &amp; ')
              and en.find(A + 'category').get('term') == 'workshop'
              and en.find(A + 'author/' + A + 'name').text)
        sys.exit(0 if ok else 1)
sys.exit(1)
PY

EV_SQL="SELECT id FROM releases WHERE event_id = ${EV:-0} AND $OD_LISTED ORDER BY published_at DESC, id DESC"
check "/events/<slug>/feed.atom lists exactly the event's two listed releases, newest first" \
    feed_matches "/events/$EV_SLUG/feed.atom" "$EV_SQL"
check "... with neither the draft, the scheduled, the withdrawn nor the unpublished one" titles_ok
check "... and feedparser reads it with no error" od_feedparser "$BODY" 2

ORG_SLUG=$(sql "SELECT slug FROM organizations WHERE name = 'Feeds Test Organiser'")
DEPT_SLUG=$(sql "SELECT slug FROM organizations WHERE name = 'Feeds Test Department'")
# org_sql ORG_SLUG: the listed releases about events the organisation organised, sponsored or
# hosted, sent a delegation to or had people in.
org_sql() {
	echo "SELECT id FROM releases WHERE $OD_LISTED AND event_id IN (
	    SELECT s.event_id FROM sponsors s JOIN organizations o ON o.id = s.organization_id
	        WHERE o.slug = '$1' AND s.role IN ('organiser','sponsor','host')
	    UNION SELECT d.event_id FROM delegations d JOIN organizations o ON o.id = d.organization_id WHERE o.slug = '$1'
	    UNION SELECT d.event_id FROM delegations d JOIN delegation_members m ON m.delegation_id = d.id
	        JOIN organizations o ON o.id = m.organization_id WHERE o.slug = '$1')
	    ORDER BY published_at DESC, id DESC LIMIT 50"
}
check "the organiser's feed (/organisations/$ORG_SLUG/feed.atom) is the releases about what it organised" \
    feed_matches "/organisations/$ORG_SLUG/feed.atom" "$(org_sql "$ORG_SLUG")"
check "... our two listed ones and no hidden one" titles_ok
check "a department whose people were in the delegation has them in its feed too" \
    eval 'feed_matches "/organisations/$DEPT_SLUG/feed.atom" "$(org_sql "$DEPT_SLUG")" && titles_ok'
check "the office's own feed (/organisations/agc/feed.atom: it sent the delegation) matches the database" \
    od_twice feed_matches /organisations/agc/feed.atom "$(org_sql agc)"

http GET /events/no-such-event/feed.atom
status_is 404 "the feed of an unknown event answers 404"
http GET /organisations/no-such-organisation/feed.atom
status_is 404 "the feed of an unknown organisation answers 404"
# An event known only from a draft is not public yet: no feed, no sitemap entry.
od_draft_event Feeds
DRAFT_EV=$OD_DRAFT_SLUG
http GET "/events/$DRAFT_EV/feed.atom"
check "the feed of an event only a draft is about answers 404" eval '[ -n "$DRAFT_EV" ] && [ "$STATUS" = 404 ]'
http GET "/organisations/$(sql "SELECT slug FROM organizations WHERE name = 'Feeds Secret Host'")/feed.atom"
status_is 404 "the feed of an organisation only such an event names answers 404"
http POST /feed.atom -d ''
check "POST /feed.atom answers 405 allowing GET and HEAD" eval '[ "$STATUS" = 405 ] && hdr Allow | grep -q "GET, HEAD"'
http HEAD /feed.atom
check "HEAD /feed.atom answers 200 with headers only" eval '[ "$STATUS" = 200 ] && cmp -s "$BODY" "$HDRS"'

# Autodiscovery: <link rel="alternate" type="application/atom+xml"> in the page head.
# alternate_to HREF: the last page's <head> names the Atom feed at HREF.
alternate_to() {
	sed -n '/<head>/,/<\/head>/p' "$BODY" | grep -q "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"[^\"]*\" href=\"$1\">"
}
http GET /
check "the home page's head names the feed of all releases" alternate_to /feed.atom
http GET "/events/$EV_SLUG"
check "the event page's head names the feed of all releases" alternate_to /feed.atom
check "the event page's head names the event's own feed (feed_autodiscover_event in page_event.c)" \
    alternate_to "/events/$EV_SLUG/feed.atom"
http GET "/organisations/$ORG_SLUG"
check "the organisation page's head names the feed of all releases" alternate_to /feed.atom
check "the organisation page's head names its own feed (feed_autodiscover_org in page_org.c)" \
    alternate_to "/organisations/$ORG_SLUG/feed.atom"

# The sitemap against the database: every listed release (with its lastmod), every public event
# and organisation, the home page, and nothing else.
sitemap_matches() {
	http GET /sitemap.xml
	[ "$STATUS" = 200 ] || { show_last; return 1; }
	python3 - "$BODY" "$DB" "$BASE" "$OD_LISTED" "$OD_VIEWABLE" <<'PY'
import re, sqlite3, sys, xml.etree.ElementTree as ET
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
body, db, base, listed, viewable = sys.argv[1:6]
S = '{http://www.sitemaps.org/schemas/sitemap/0.9}'
root = ET.parse(body).getroot()
if root.tag != S + 'urlset':
    sys.exit('#   sitemap: the root is ' + root.tag)
got = {u.find(S + 'loc').text: getattr(u.find(S + 'lastmod'), 'text', None) for u in root.findall(S + 'url')}
con = sqlite3.connect(db)
def url(slug, at):
    t = datetime.strptime(at, '%Y-%m-%dT%H:%M:%SZ').replace(tzinfo=timezone.utc).astimezone(ZoneInfo('Asia/Brunei'))
    return '%s/news/%s/%s' % (base, t.strftime('%Y/%m'), slug)
news = {url(s, p) for s, p in con.execute('SELECT slug, published_at FROM releases WHERE ' + listed)}
public_event = 'EXISTS (SELECT 1 FROM releases WHERE event_id = e.id AND %s)' % viewable
events = {'%s/events/%s' % (base, s) for (s,) in con.execute('SELECT slug FROM events e WHERE ' + public_event)}
orgs = {'%s/organisations/%s' % (base, s) for (s,) in con.execute(
    'SELECT o.slug FROM organizations o WHERE o.id IN (SELECT organization_id FROM sponsors WHERE event_id IN '
    '(SELECT id FROM events e WHERE {0}) UNION SELECT organization_id FROM delegations WHERE event_id IN '
    '(SELECT id FROM events e WHERE {0}) UNION SELECT m.organization_id FROM delegation_members m JOIN delegations d '
    'ON d.id = m.delegation_id WHERE d.event_id IN (SELECT id FROM events e WHERE {0}))'.format(public_event))}
want = news | events | orgs | {base + '/'}
if set(got) != want:
    sys.exit('#   sitemap: missing %s; not expected %s' % (sorted(want - set(got)), sorted(set(got) - want)))
stamp = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$')
bad = [u for u in news if not stamp.match(got[u] or '')]
if bad:
    sys.exit('#   sitemap: no W3C datetime lastmod for %s' % bad)
PY
}
check "/sitemap.xml lists exactly every listed release (with lastmod), every public event and organisation, and home" \
    od_twice sitemap_matches
check "/sitemap.xml is application/xml; charset=utf-8" eval 'hdr Content-Type | grep -qi "^application/xml; *charset=utf-8"'
absent=""
for id in $RD $RS $RW $RU; do
	grep -qF "/$(sql "SELECT slug FROM releases WHERE id = $id")<" "$BODY" && absent="$absent $id"
done
check "the sitemap has no draft, scheduled, withdrawn or unpublished release of ours" \
    eval '[ -z "$absent" ] || { diag "present:$absent"; false; }'
check "the sitemap has our published releases and their event" eval \
    'grep -qF "<loc>$R1_URL</loc>" "$BODY" && grep -qF "<loc>$BASE/events/$EV_SLUG</loc>" "$BODY"'
check "the sitemap has neither the draft-only event nor its organisation" \
    eval '! grep -qF "/events/$DRAFT_EV<" "$BODY" && ! grep -q "feeds-secret-host" "$BODY"'

http GET /robots.txt
status_is 200 "/robots.txt answers 200"
check "/robots.txt is text/plain" eval 'hdr Content-Type | grep -qi "^text/plain"'
body_has "/robots.txt lets every crawler in but for /admin and /preview, and names the sitemap at base_url" \
    "User-agent: *" "Disallow: /admin" "Disallow: /preview" "Sitemap: $BASE/sitemap.xml"
check "/robots.txt disallows nothing else" eval '[ "$(grep -c "^Disallow:" "$BODY")" = 2 ]'
