# t_api: the read-only JSON API under /api/v1/: valid JSON, pages and their links, totals and ids
# compared with the database, 400 and 404 as JSON, and nothing that is not public.

. tests/e2e/opendata_lib.sh
od_logins api

# jv EXPR: EXPR evaluated in Python on the last body parsed as JSON (d); a list is printed one item a
# line, a string as it is, anything else as JSON. keys(x) is every key in x, at any depth.
jv() {
	python3 - "$BODY" "$1" <<'PY'
import json, sys
def keys(x):
    if isinstance(x, dict):
        return set(x) | set().union(*(keys(v) for v in x.values()))
    if isinstance(x, list):
        return set().union(*(keys(v) for v in x)) if x else set()
    return set()
d = json.load(open(sys.argv[1], encoding='utf-8'))
v = eval(sys.argv[2])
if isinstance(v, (list, set)):
    print('\n'.join(str(x) for x in v))
else:
    print(v if isinstance(v, str) else json.dumps(v))
PY
}

# api PATH STATUS: GET PATH answers STATUS with application/json that parses.
api() {
	http GET "$1"
	[ "$STATUS" = "$2" ] || { show_last; return 1; }
	hdr Content-Type | grep -qi '^application/json; *charset=utf-8' || { diag "Content-Type: $(hdr Content-Type)"; return 1; }
	python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$BODY" || { show_last; return 1; }
}

# eq GOT WANT: a comparison that says what differed.
eq() {
	[ "$1" = "$2" ] || { diag "got [$1], want [$2]"; return 1; }
}

TITLE='API: "quoted" \ backslash </script> & caf'"$(printf '\303\251')"
od_with_event "$TITLE" "Api Seminar on Open Data" 2025-06-02 2025-06-03 "Api Organiser" "Api Department"
check "a release with quotes, a backslash, </script> and an accent is published about a new event" test -n "$OD_EVENT_SLUG"
R1=$NEW_ID EV=$OD_EVENT
NR_EVENT=$EV
od_new "API: a draft" save; RD=$NEW_ID
od_new "API: scheduled" submit; RS=$NEW_ID
approve_publish "$OD_E" "${RS:-0}" --data-urlencode "publish_at=$(od_office_time tomorrow)"
od_published "API: withdrawn"; RW=$NEW_ID
wf_step "$OD_E" "${RW:-0}" withdraw --data-urlencode "note=Superseded by a later release."
od_published "API: unpublished"; RU=$NEW_ID
wf_step "$OD_E" "${RU:-0}" unpublish
NR_EVENT=
# Enough listed releases for a second page; they are withdrawn at the end, so that the tests after
# this one find the listing as they would without it.
n=0 FILLERS=""
while [ "$(sql "SELECT count(*) FROM releases WHERE $OD_LISTED")" -le 25 ] && [ $n -lt 30 ]; do
	n=$((n + 1))
	od_published "API: filler release $n" >/dev/null 2>&1
	FILLERS="$FILLERS ${NEW_ID:-}"
done
check "there are the four releases in each state, and more than 25 listed in all" eval \
    '[ "$(sql "SELECT group_concat(status) FROM (SELECT status FROM releases WHERE id IN (${RD:-0},${RS:-0},${RW:-0},${RU:-0}) ORDER BY id)")" = "draft,scheduled,withdrawn,unpublished" ] &&
     [ "$(sql "SELECT count(*) FROM releases WHERE $OD_LISTED")" -gt 25 ]'

LISTED_IDS="SELECT id FROM releases WHERE $OD_LISTED ORDER BY published_at DESC, id DESC"
# page_matches N: page N of /api/v1/releases is the database's, with its total, pages and links.
page_matches() {
	api "/api/v1/releases?page=$1" 200 || return 1
	pm_total=$(sql "SELECT count(*) FROM releases WHERE $OD_LISTED")
	pm_pages=$(( (pm_total + 19) / 20 ))
	pm_prev=null pm_next=null
	[ "$1" -gt 1 ] && pm_prev="$BASE/api/v1/releases?page=$(($1 - 1))"
	[ "$1" -lt "$pm_pages" ] && pm_next="$BASE/api/v1/releases?page=$(($1 + 1))"
	eq "$(jv '[r["id"] for r in d["releases"]]' | tr '\n' ' ')" \
	    "$(sql "$LISTED_IDS LIMIT 20 OFFSET $((($1 - 1) * 20))" | tr '\n' ' ')" &&
	eq "$(jv '[d["page"], d["per_page"], d["total"], d["pages"]]' | tr '\n' ' ')" "$1 20 $pm_total $pm_pages " &&
	eq "$(jv 'd["links"]["prev"]')" "$pm_prev" && eq "$(jv 'd["links"]["next"]')" "$pm_next" &&
	eq "$(jv 'd["links"]["self"]')" "$BASE/api/v1/releases?page=$1"
}
check "/api/v1/releases is page 1: the newest 20 listed releases, the total, the pages and the links" od_twice page_matches 1
check "... application/json; charset=utf-8, readable by any site (Access-Control-Allow-Origin: *)" \
    eval 'hdr Content-Type | grep -qi "^application/json; *charset=utf-8" && [ "$(hdr Access-Control-Allow-Origin)" = "*" ]'
check "?page=2 is the next 20, with a prev link" od_twice page_matches 2

# walk: following links.next from the first page; prints every release id met.
walk() {
	w_url="/api/v1/releases"
	while [ -n "$w_url" ]; do
		api "$w_url" 200 || return 1
		jv '[r["id"] for r in d["releases"]]'
		w_url=$(jv 'd["links"]["next"] or ""')
		w_url=${w_url#"$BASE"}
	done
}
walk_matches() {
	eq "$(walk | tr '\n' ' ')" "$(sql "$LISTED_IDS" | tr '\n' ' ')"
}
check "following links.next from page 1 meets every listed release once, and nothing else" od_twice walk_matches
check "... so neither the draft, the scheduled, the withdrawn nor the unpublished release" eval \
    '! walk | grep -qxE "${RD:-0}|${RS:-0}|${RW:-0}|${RU:-0}"'

for p in 0 -1 abc 1.5 ''; do
	api "/api/v1/releases?page=$p" 400
	check "?page=$p answers 400 as JSON naming the status" eval '[ "$(jv "d[\"error\"][\"status\"]")" = 400 ]'
done
check "a page past the last answers 404 as JSON" api "/api/v1/releases?page=999" 404

check "/api/v1/releases/<id> answers 200 with JSON" api "/api/v1/releases/$R1" 200
check "... its title read back whole (quotes, backslash, </script>, accent)" eq "$(jv 'd["title"]')" "$TITLE"
check "... </script> and & are written as \\u003C and \\u0026, never raw, and no \\x escape" \
    eval '! grep -q "</script>\|\\\\x" "$BODY" && grep -q "\\\\u003C\\\\/script\\\\u003E" "$BODY"'
check "... the stable id, the public page's absolute URL, its own API URL" eval \
    'eq "$(jv "[d[\"id\"], d[\"url\"], d[\"api_url\"]]" | tr "\n" " ")" "$R1 $BASE$(public_url "$R1") $BASE/api/v1/releases/$R1 "'
check "... ISO times: published as stored, updated not before it" eval \
    'eq "$(jv "d[\"published\"]")" "$(sql "SELECT published_at FROM releases WHERE id = $R1")" &&
     [ "$(jv "d[\"updated\"] >= d[\"published\"]")" = true ]'
check "... its event (id, slug, kind and URLs), its body as HTML, not withdrawn" eval \
    'eq "$(jv "[d[\"event\"][\"id\"], d[\"event\"][\"kind\"], d[\"event\"][\"api_url\"], d[\"withdrawn\"]]" | tr "\n" " ")" \
        "$EV workshop $BASE/api/v1/events/$EV None " &&
     jv "d[\"body_html\"]" | grep -q "^<p>Body of the release: API: "'
FORBIDDEN="author author_id author_name status version body review_note override_reason comments comment notes form_key submitted_by reviewed_by created_at"
# no_staff_fields: the last body has none of the fields only staff see.
no_staff_fields() {
	nf_keys=" $(jv 'sorted(keys(d))' | tr '\n' ' ') "
	for k in $FORBIDDEN; do
		case $nf_keys in *" $k "*) diag "field $k is there"; return 1 ;; esac
	done
}
check "... and no staff-only field (author, status, version, Markdown body, review notes, comments...)" no_staff_fields
api "/api/v1/releases/$R1" 200
first=$(jv d)
api "/api/v1/releases/$R1" 200
check "the same id gives the same release on the next request" eq "$(jv d)" "$first"

for id in "$RD" "$RS" "$RU"; do
	api "/api/v1/releases/${id:-0}" 404
	check "release $id ($(sql "SELECT status FROM releases WHERE id = ${id:-0}")) answers 404 as JSON" \
	    eval '[ "$(jv "d[\"error\"][\"status\"]")" = 404 ] && ! grep -q "API: " "$BODY"'
done
check "a withdrawn release, still public at its address, says when and why" eval \
    'api "/api/v1/releases/$RW" 200 && eq "$(jv "d[\"withdrawn\"][\"reason\"]")" "Superseded by a later release." &&
     [ "$(jv "d[\"withdrawn\"][\"at\"] is not None")" = true ]'
check "an unknown release id answers 404 as JSON" api /api/v1/releases/999999 404
check "a release id that is not a number answers 404 as JSON" api /api/v1/releases/abc 404
check "an unknown address under /api/v1/ answers 404 as JSON" api /api/v1/no-such-list 404

# Events, organisations and delegations.
PUBLIC_EVENT="EXISTS (SELECT 1 FROM releases WHERE event_id = e.id AND $OD_VIEWABLE)"
od_draft_event Api
DRAFT_EV=$OD_DRAFT_EVENT
events_match() {
	api /api/v1/events 200 &&
	eq "$(jv '[e["id"] for e in d["events"]]' | tr '\n' ' ')" \
	    "$(sql "SELECT id FROM events e WHERE $PUBLIC_EVENT ORDER BY starts_on DESC, id DESC LIMIT 20" | tr '\n' ' ')" &&
	eq "$(jv 'd["total"]')" "$(sql "SELECT count(*) FROM events e WHERE $PUBLIC_EVENT")"
}
check "/api/v1/events: the public events, latest first, with their total" od_twice events_match
check "... not the event only a draft is about" eval '! jv "[e[\"id\"] for e in d[\"events\"]]" | grep -qx "${DRAFT_EV:-0}"'
check "/api/v1/events/<id> answers 200 with JSON" api "/api/v1/events/$EV" 200
check "... ISO dates, its place, and the addresses of its page, calendar and feed" eval \
    'eq "$(jv "[d[\"starts_on\"], d[\"ends_on\"], d[\"country\"][\"code\"], d[\"city\"], d[\"ical_url\"], d[\"feed_url\"]]" | tr "\n" " ")" \
        "2025-06-02 2025-06-03 MY Kuala Lumpur $BASE/events/$(sql "SELECT slug FROM events WHERE id = $EV").ics $BASE/events/$(sql "SELECT slug FROM events WHERE id = $EV")/feed.atom "'
check "... its organisations by role, every role named" eval \
    'eq "$(jv "sorted(d[\"organisations\"])" | tr "\n" " ")" "host organiser partner sponsor " &&
     eq "$(jv "[o[\"name\"] for o in d[\"organisations\"][\"organiser\"]]")" "Api Organiser"'
check "... its delegation: who sent it, and each member row's role, department and number" eval \
    'eq "$(jv "[x[\"sent_by\"][\"name\"], x[\"members\"][0][\"role\"], x[\"members\"][0][\"department\"][\"name\"], x[\"members\"][0][\"count\"], x[\"people\"]] if (x := d[\"delegations\"][0]) else 0" | tr "\n" "|")" \
        "Attorney General'"'"'s Chambers|legal counsel|Api Department|2|2|"'
check "... its listed releases only" eval \
    'eq "$(jv "[r[\"id\"] for r in d[\"releases\"]]" | tr "\n" " ")" \
        "$(sql "SELECT id FROM releases WHERE event_id = $EV AND $OD_LISTED ORDER BY published_at DESC, id DESC" | tr "\n" " ")"'
check "... and no staff-only field (the delegation's notes)" no_staff_fields
check "the event only a draft is about answers 404 as JSON" api "/api/v1/events/${DRAFT_EV:-0}" 404

ORG=$(sql "SELECT id FROM organizations WHERE name = 'Api Organiser'")
DEPT=$(sql "SELECT id FROM organizations WHERE name = 'Api Department'")
PUBLIC_ORG="o.id IN (SELECT s.organization_id FROM sponsors s JOIN events e ON e.id = s.event_id WHERE $PUBLIC_EVENT
    UNION SELECT d.organization_id FROM delegations d JOIN events e ON e.id = d.event_id WHERE $PUBLIC_EVENT
    UNION SELECT m.organization_id FROM delegation_members m JOIN delegations d ON d.id = m.delegation_id
        JOIN events e ON e.id = d.event_id WHERE $PUBLIC_EVENT)"
orgs_match() {
	api /api/v1/organisations 200 &&
	eq "$(jv 'd["total"]')" "$(sql "SELECT count(*) FROM organizations o WHERE $PUBLIC_ORG")" &&
	eq "$(jv '[o["id"] for o in d["organisations"]]' | tr '\n' ' ')" \
	    "$(sql "SELECT id FROM organizations o WHERE $PUBLIC_ORG ORDER BY name COLLATE NOCASE, id LIMIT 20" | tr '\n' ' ')"
}
check "/api/v1/organisations: the public organisations by name, with their total" od_twice orgs_match
check "... not one only a draft's event names" eval '! grep -q "Api Secret Host" "$BODY"'
check "/api/v1/organisations/<id>: the organiser, its event and its part in it" eval \
    'api "/api/v1/organisations/$ORG" 200 &&
     eq "$(jv "[(e[\"id\"], e[\"parts\"]) for e in d[\"events\"]]")" "($EV, ['"'"'organiser'"'"'])"'
check "... a department whose people were in a delegation: its part is delegate" eval \
    'api "/api/v1/organisations/$DEPT" 200 && eq "$(jv "[e[\"parts\"] for e in d[\"events\"]]")" "['"'"'delegate'"'"']"'
DEMO_EV=$(sql "SELECT id FROM events WHERE slug = 'regional-workshop-trafficking-forced-criminality-2025'")
check "... the office: it sent our delegation, and sent and had people in the demo event's" eval \
    'api /api/v1/organisations/$(sql "SELECT id FROM organizations WHERE slug = '"'agc'"'") 200 &&
     eq "$(jv "[e[\"parts\"] for e in d[\"events\"] if e[\"id\"] in ($EV, $DEMO_EV)]" | tr "\n" " ")" \
        "['"'"'delegation'"'"'] ['"'"'delegation'"'"', '"'"'delegate'"'"'] "'
check "an organisation only a draft's event names answers 404 as JSON" \
    api "/api/v1/organisations/$(sql "SELECT id FROM organizations WHERE name = 'Api Secret Host'")" 404

check "/api/v1/delegations: the total is the database's" eval \
    'api /api/v1/delegations 200 && eq "$(jv "d[\"total\"]")" \
        "$(sql "SELECT count(*) FROM delegations d JOIN events e ON e.id = d.event_id WHERE $PUBLIC_EVENT")"'
check "/api/v1/delegations?event=<id>: the event's delegations, links keeping the filter" eval \
    'api "/api/v1/delegations?event=$EV" 200 &&
     eq "$(jv "[x[\"event\"][\"id\"] for x in d[\"delegations\"]]")" "$EV" &&
     eq "$(jv "d[\"links\"][\"self\"]")" "$BASE/api/v1/delegations?event=$EV&page=1"'
check "... ?event=abc answers 400 as JSON" api "/api/v1/delegations?event=abc" 400
check "... an event only a draft is about answers 404 as JSON" api "/api/v1/delegations?event=${DRAFT_EV:-0}" 404
check "/api/v1 names the lists" eval 'api /api/v1 200 && eq "$(jv "d[\"releases\"]")" "$BASE/api/v1/releases"'

left=""
for id in $FILLERS; do
	wf_step "$OD_E" "$id" withdraw --data-urlencode "note=Only there for the API's pages." >/dev/null 2>&1 || left="$left $id"
done
check "the releases made for a second page are withdrawn again" eval '[ -z "$left" ] || { diag "still listed:$left"; false; }'
