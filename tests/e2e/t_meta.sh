# t_meta: every public page kind has a canonical URL, a description and OpenGraph tags; JSON-LD is valid JSON of the right @type, and a hostile title cannot break out of it.

. tests/e2e/pages_lib.sh
pages_fixture
REL=/news/2025/02/chambers-joins-regional-workshop-on-trafficking-for-forced-criminality
EVENT=/events/regional-workshop-trafficking-forced-criminality-2025
SITE="Attorney General's Chambers"

# meta_complete PATH: the last page's canonical link and og:url are BASE+PATH; its description,
# og:title, og:description, og:type and og:site_name are there and not empty.
meta_complete() {
	_missing=""
	[ "$(head_meta "$BODY" canonical)" = "$BASE$1" ] || _missing="$_missing canonical"
	[ "$(head_meta "$BODY" og:url)" = "$BASE$1" ] || _missing="$_missing og:url"
	for _k in description og:title og:description og:type; do
		[ -n "$(head_meta "$BODY" $_k)" ] || _missing="$_missing $_k"
	done
	[ "$(head_meta "$BODY" og:site_name)" = "$SITE" ] || _missing="$_missing og:site_name"
	[ -z "$_missing" ] || { diag "$1: missing or wrong:$_missing"; false; }
}

# ld_is EXPR WANT: ld_json of the last body is WANT.
ld_is() {
	_got=$(ld_json "$BODY" "$1")
	[ "$_got" = "$2" ] || { diag "JSON-LD $1: $_got (want $2)"; false; }
}

for p in / "$REL" "$EVENT" /events /organisations /organisations/unodc /engagements /engagements/2025 \
    "/events/$PF_UP_SLUG"; do
	http GET "$p"
	check "$p has its canonical URL, a description and OpenGraph tags" meta_complete "$p"
done

http GET "$REL"
check "the release page is og:type article, titled and described by the release" eval \
    '[ "$(head_meta "$BODY" og:type)" = article ] &&
     [ "$(head_meta "$BODY" og:title)" = "Chambers joins UNODC regional workshop on trafficking for forced criminality" ] &&
     head_meta "$BODY" description | grep -q "^Two judicial officers and two legal counsels took part"'
check "its JSON-LD parses and is a NewsArticle" ld_is 'd["@type"]' NewsArticle
check "... with its headline, datePublished, dateModified and address" \
    ld_is '[d["headline"], d["datePublished"], d["dateModified"], d["url"]]' \
    "[\"Chambers joins UNODC regional workshop on trafficking for forced criminality\", \"2025-02-24T02:00:00Z\", \"2025-02-24T02:00:00Z\", \"$BASE$REL\"]"
check "... author and publisher are the office, an Organization" \
    ld_is '[[o["@type"], o["name"]] for o in (d["author"], d["publisher"])]' \
    "[[\"Organization\", \"$SITE\"], [\"Organization\", \"$SITE\"]]"
check "... about its event, an Event with its dates" \
    ld_is '[d["about"]["@type"], d["about"]["url"], d["about"]["startDate"], d["about"]["endDate"]]' \
    "[\"Event\", \"$BASE$EVENT\", \"2025-02-18\", \"2025-02-19\"]"

http GET "$EVENT"
check "the event page's JSON-LD parses and is an Event with its name and dates" \
    ld_is '[d["@type"], d["name"][:17], d["startDate"], d["endDate"]]' \
    '["Event", "Regional Workshop", "2025-02-18", "2025-02-19"]'
check "... held in person in a Place with an address: Bangkok, TH" \
    ld_is '[d["eventAttendanceMode"], d["location"]["@type"], d["location"]["address"]["addressLocality"], d["location"]["address"]["addressCountry"]]' \
    '["https://schema.org/OfflineEventAttendanceMode", "Place", "Bangkok", "TH"]'
check "... organised by UNODC and sponsored by the EU, each an Organization with its page" \
    ld_is '[[o["@type"], o["name"], o["url"]] for o in d["organizer"] + d["sponsor"]]' \
    "[[\"Organization\", \"United Nations Office on Drugs and Crime\", \"$BASE/organisations/unodc\"], [\"Organization\", \"European Union\", \"$BASE/organisations/eu\"]]"

http GET /organisations/unodc
check "an organisation page's JSON-LD parses and is an Organization with its names and website" \
    ld_is '[d["@type"], d["name"], d["alternateName"], d["url"], d["sameAs"]]' \
    "[\"Organization\", \"United Nations Office on Drugs and Crime\", \"UNODC\", \"$BASE/organisations/unodc\", \"https://www.unodc.org/\"]"

# A release and an event whose titles close the script element, open another, and carry quotes,
# a backslash, "<!--" and "&": the data must stay one valid JSON block, and no script may start.
http GET "$PF_HOSTILE_URL"
status_is 200 "the release with a hostile title has a public page"
check "its JSON-LD is still valid JSON, and the headline is the title exactly" ld_is 'd["headline"]' "$PF_HOSTILE_TITLE"
check "... and so is its event's name" ld_is 'd["about"]["name"]' "$PF_HOSTILE_EVENT"
check "the page has one <script> element and one </script>: the JSON-LD's own" eval \
    '[ "$(grep -o "<script" "$BODY" | wc -l)" = 1 ] && [ "$(grep -o "</script" "$BODY" | wc -l)" = 1 ]'
check "og:title and the description carry the title as text" eval \
    '[ "$(head_meta "$BODY" og:title)" = "$PF_HOSTILE_TITLE" ] && [ "$(head_meta "$BODY" description)" = "Summary of: $PF_HOSTILE_TITLE" ]'
html_valid "the hostile release's page"
http GET "/events/$PF_HOSTILE_SLUG"
check "the hostile event's JSON-LD is valid JSON and names it exactly" ld_is 'd["name"]' "$PF_HOSTILE_EVENT"
check "... with no script element but its own" eval '[ "$(grep -o "<script" "$BODY" | wc -l)" = 1 ]'

# Pages that are nothing to index carry none of it.
http GET /no-such-page
check "a 404 page has no canonical link and no JSON-LD" eval \
    '[ -z "$(head_meta "$BODY" canonical)" ] && ! grep -q "application/ld+json" "$BODY"'
META_ED="$TMP/meta-editor1.jar"
login "$META_ED" editor1 editor-one-password
http GET /admin -b "$META_ED"
check "a staff page has no canonical link" eval '[ "$STATUS" = 200 ] && [ -z "$(head_meta "$BODY" canonical)" ]'
