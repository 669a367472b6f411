# t_scale: a generated archive in its own database behind a second pressroom: first, deep and last pages, search, query plans.
# The size is SCALE_RELEASES (20,000: enough for the plans and the pages to be those of a large site,
# small enough to keep the suite quick). Nothing here times anything: timings belong to make bench.

. tests/e2e/listing_lib.sh

SCALE_N=${SCALE_RELEASES:-20000}
SDB="$TMP/scale.db" SLOG="$TMP/scale-pressroom.log"
SSOCK="$(dirname "$SOCK")/scale.sock"

out=$("$PRESSROOMCTL" -d "$SDB" init 2>>"$CTL_LOG" && "$PRESSROOMCTL" -d "$SDB" demo --releases "$SCALE_N" 2>>"$CTL_LOG")
rc=$?
check "pressroomctl demo --releases $SCALE_N makes a database of its own (exit $rc)" eval \
    '[ $rc -eq 0 ] && echo "$out" | grep -q "$SCALE_N published releases about [0-9]* events generated in"'
diag "$(echo "$out" | tail -1)"

for bad in 0 -5 abc 10000001 "1 --seed"; do
	before=$(sqlite3 -batch "$SDB" "SELECT count(*) FROM releases")
	"$PRESSROOMCTL" -d "$SDB" demo --releases $bad >/dev/null 2>>"$CTL_LOG"
	rc=$?
	check "demo --releases $bad is refused (exit $rc) and adds nothing" eval \
	    '[ $rc -eq 2 ] && [ "$(sqlite3 -batch "$SDB" "SELECT count(*) FROM releases")" = "$before" ]'
done

ssql() {
	sqlite3 -batch "$SDB" "$1"
}
check "every generated release is listed ($SCALE_N)" test "$(ssql "SELECT count(*) FROM releases r WHERE $LS_LISTED")" = "$SCALE_N"
check "they spread over at least ten years" test "$(ssql "SELECT count(DISTINCT substr(published_at, 1, 4)) FROM releases")" -ge 10
check "about events of every kind, in at least ten countries" eval \
    '[ "$(ssql "SELECT count(DISTINCT kind) FROM events")" = 6 ] && [ "$(ssql "SELECT count(DISTINCT country) FROM events")" -ge 10 ]'
check "with organisers and sponsors from at least ten organisations, and a delegation each" eval \
    '[ "$(ssql "SELECT count(DISTINCT organization_id) FROM sponsors")" -ge 10 ] &&
     [ "$(ssql "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM delegations d WHERE d.event_id = e.id)")" = 0 ] &&
     [ "$(ssql "SELECT count(*) FROM delegation_members")" -ge "$(ssql "SELECT count(*) FROM delegations")" ]'
check "the search index is built in the same transaction: a document each, nothing left stale" eval \
    '[ "$(ssql "SELECT count(*) FROM releases_fts")" = "$SCALE_N" ] && [ "$(ssql "SELECT count(*) FROM releases_fts_stale")" = 0 ]'
check "the generation is in the audit log" test "$(ssql "SELECT detail FROM audit_log WHERE action = 'demo_generated'")" = "$SCALE_N releases"

# The listing's query plans, for the SQL as the binary holds it: the index walked in order, no sort.
listing_sql=$(strings -n 200 "$PRESSROOM" | grep -F 'INDEXED BY releases_listed' | grep '^SELECT r.id ' |
    grep -F 'ORDER BY r.published_at DESC, r.id DESC LIMIT ?8' | grep -v OFFSET | head -1)
count_sql=$(strings -n 200 "$PRESSROOM" | grep -F 'INDEXED BY releases_listed' | grep '^SELECT count(\*) ' | head -1)
check "the listing's SQL is found in $PRESSROOM" eval '[ -n "$listing_sql" ] && [ -n "$count_sql" ]'
plan=$(ssql "EXPLAIN QUERY PLAN $listing_sql")
check "the listing walks the covering index releases_listed, with no table scan and no sort" eval \
    'echo "$plan" | grep -q "SEARCH r USING COVERING INDEX releases_listed" && ! echo "$plan" | grep -q "SCAN r" &&
     ! echo "$plan" | grep -q "TEMP B-TREE FOR ORDER BY" || { echo "$plan" | sed "s/^/#   /" >&2; false; }'
plan=$(ssql "EXPLAIN QUERY PLAN $count_sql")
check "the count reads only that index" eval \
    'echo "$plan" | grep -q "USING COVERING INDEX releases_listed" && ! echo "$plan" | grep -q "SCAN r" ||
     { echo "$plan" | sed "s/^/#   /" >&2; false; }'

# The work the first page and the last one cost, in SQLite's virtual machine steps (not time): a
# keyset cursor starts the walk where the page starts, so the last page costs what the first does.
# steps AT ID: the steps of the listing query for the page older than (AT, ID), with no filter.
steps() {
	printf '%s\n' ".param set ?1 ''" ".param set ?2 0" ".param set ?3 '$1'" ".param set ?4 $2" ".param set ?8 21" \
	    ".stats on" "$listing_sql;" | sqlite3 -batch "$SDB" | sed -n 's/^Virtual Machine Steps: *//p'
}
last=$(ssql "SELECT published_at || ' ' || id FROM releases ORDER BY published_at DESC, id DESC LIMIT 1 OFFSET $((SCALE_N - 11))")
first_steps=$(steps 9999 0) last_steps=$(steps ${last% *} ${last#* })
check "the last page's query costs about what the first page's does (VM steps: $first_steps, $last_steps)" eval \
    '[ -n "$first_steps" ] && [ -n "$last_steps" ] && [ "$last_steps" -le $((first_steps * 2 + 1000)) ]'

# A second pressroom on its own socket and database, spoken to over raw FastCGI.
"$PRESSROOM" -s "$SSOCK" -w 1 -d "$SDB" 2>>"$SLOG" &
SPID=$!
check "a second pressroom serves the generated database" wait_for 60 test -S "$SSOCK"

# fcgi PATH: GET PATH from the second pressroom; sets STATUS, BODY and HDRS as http does.
fcgi() {
	REQ_N=$((REQ_N + 1))
	BODY="$TMP/req/t_scale-$REQ_N.body" HDRS="$TMP/req/t_scale-$REQ_N.head"
	LAST_METHOD=GET LAST_URL="fcgi:$1"
	python3 tests/e2e/fcgi_client.py "$SSOCK" GET "$1" > "$BODY.raw" 2>>"$SLOG"
	head -1 "$BODY.raw" > "$HDRS"
	tail -n +2 "$BODY.raw" > "$BODY"
	STATUS=$(sed -n 's/^Status: \([0-9]*\).*/\1/p' "$HDRS")
	[ -n "$STATUS" ] || STATUS=000
	echo "$STATUS GET $1 (scale)" >> "$TMP/statuses.log"
}

# title_at OFFSET: the title of the release at that place in the listing, newest first.
title_at() {
	ssql "SELECT title FROM releases ORDER BY published_at DESC, id DESC LIMIT 1 OFFSET $1"
}
cursor_at() {
	ssql "SELECT published_at || '.' || id FROM releases ORDER BY published_at DESC, id DESC LIMIT 1 OFFSET $1"
}

fcgi /
status_is 200 "the first page of $SCALE_N releases answers 200"
check "it counts them all and starts with the newest" eval \
    '[ "$(shown_count)" = "$SCALE_N" ] && [ "$(teaser_titles | head -1)" = "$(title_at 0)" ] && [ "$(teaser_titles | wc -l)" = 20 ]'
fcgi "/?before=$(cursor_at $((SCALE_N / 2)))"
status_is 200 "a page half way down, by cursor, answers 200"
check "it starts with the release after the cursor's, and links both ways" eval \
    '[ "$(teaser_titles | head -1)" = "$(title_at $((SCALE_N / 2 + 1)))" ] && [ "$(teaser_titles | wc -l)" = 20 ] &&
     [ -n "$(pager_link prev)" ] && [ -n "$(pager_link next)" ]'
fcgi "/?before=$(cursor_at $((SCALE_N - 11)))"
check "the last page holds the 10 oldest, the oldest last, and no Older link" eval \
    '[ "$STATUS" = 200 ] && [ "$(teaser_titles | wc -l)" = 10 ] && [ "$(teaser_titles | tail -1)" = "$(title_at $((SCALE_N - 1)))" ] &&
     [ -z "$(pager_link next)" ]'
fcgi "/?page=$((SCALE_N / 40))"
check "an old /?page=$((SCALE_N / 40)) link answers 303 to the cursor where that page starts" eval \
    '[ "$STATUS" = 303 ] || { show_last; false; }'
fcgi /?page=2
check "... (and the Location is that cursor; checked on page 2: the last of page 1)" \
    grep -qF "before=$(cursor_at 19 | sed 's/:/%3A/g')" "$BODY"

year=$(ssql "SELECT substr(published_at, 1, 4) FROM releases ORDER BY published_at LIMIT 1 OFFSET $((SCALE_N / 2))")
fcgi "/?year=$year&kind=workshop&country=TH"
want=$(ssql "SELECT count(*) FROM releases r JOIN events e ON e.id = r.event_id WHERE $LS_LISTED AND e.kind = 'workshop'
    AND e.country = 'TH' AND r.published_at >= strftime('%Y-%m-%dT%H:%M:%SZ', '$year-01-01', '-8 hours')
    AND r.published_at < strftime('%Y-%m-%dT%H:%M:%SZ', '$((year + 1))-01-01', '-8 hours')")
check "filters on the large archive count as sqlite3 does (year $year, workshops in Thailand: $want)" \
    eval '[ "$STATUS" = 200 ] && [ "$(shown_count)" = "$want" ]'

fcgi "/search?q=extradition"
want=$(ssql "SELECT count(*) FROM releases_fts WHERE releases_fts MATCH '\"extradition\"*'")
check "a search answers 200 with as many results as the index holds matches ($want)" eval \
    '[ "$STATUS" = 200 ] && [ "$(shown_count)" = "$want" ] && [ "$want" -gt 20 ] && has "<mark>extradition</mark>"'
fcgi "/search?q=extradition+bangkok&kind=training"
want=$(ssql "SELECT count(*) FROM releases_fts f JOIN releases r ON r.id = f.rowid JOIN events e ON e.id = r.event_id
    WHERE releases_fts MATCH '\"extradition\" AND \"bangkok\"*' AND e.kind = 'training'")
check "a search with a filter too ($want)" eval '[ "$STATUS" = 200 ] && [ "$(shown_count)" = "$want" ]'
fcgi "/search?q=extradition&page=2"
check "and its second page" eval '[ "$STATUS" = 200 ] && [ "$(teaser_titles | wc -l)" = 20 ]'

stop_pid "$SPID" 60
check "the second pressroom stops on SIGTERM (status $STOP_RC)" test "$STOP_RC" = 0
rm -f "$SDB" "$SDB-wal" "$SDB-shm"
