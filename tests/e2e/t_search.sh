# t_search: /search: ranked results with marked snippets, the listing's filters, pages, and any input a person can type.

. tests/e2e/listing_lib.sh

SA="$TMP/search-author1.jar" SE="$TMP/search-admin1.jar"
login "$SA" author1 author-one-password
login "$SE" admin1 admin-one-password

# Words no other test writes: each run's own, so counts are exact whatever else the database holds.
N=$$
W="quetzal$N" MANGROVE="mangrovia$N"

# search Q [MORE]: GET /search?q=Q (urlencoded) with MORE appended (already a query string).
search() {
	http GET "/search?q=$(printf %s "$1" | od -An -tx1 -v | tr -d ' \n' | sed 's/../%&/g')${2:-}"
}

# The ranking fixture: the word in the title, in the summary, in the body: bm25 ranks the title first.
T_TITLE="Search: $MANGROVE restoration conference $N" T_SUMMARY="Search: a coastal meeting $N"
T_BODY="Search: notes from a field visit $N"
ORG=$(make_org "search-institute-$N" "Wombat Institute $N")
EV=$(make_event "search-event-$N" "Quokka symposium $N" conference AU "$ORG" organiser)
check "three releases with the word in the title, the summary and the body are published" eval \
    'LS_BODY="A $W paragraph." published "$SA" "$SE" "$T_BODY" "" 2021-05-05T05:00:00Z &&
     LS_SUMMARY="The $MANGROVE project of $W." published "$SA" "$SE" "$T_SUMMARY" "" 2021-05-06T05:00:00Z &&
     LS_BODY="$W." published "$SA" "$SE" "$T_TITLE" "$EV" 2022-05-07T05:00:00Z'
R_TITLE=$NEW_ID
sql "UPDATE releases SET body = 'The **$MANGROVE** forests of $W <script>alert(1)</script> & more.' WHERE id = $(sql "SELECT id FROM releases WHERE title = $(q "$T_BODY")")"
check "pressroomctl reindex brings the search index up to date with a change made by hand" reindex

search "$MANGROVE"
status_is 200 "a search answers 200"
check "it finds the three releases, the title match first, then the summary, then the body" eval \
    '[ "$(teaser_titles | tr "\n" "|")" = "$T_TITLE|$T_SUMMARY|$T_BODY|" ]'
check "the count line says 3 results" test "$(shown_count)" = 3
check "the match is marked in the title" has "<mark>$MANGROVE</mark> restoration conference"
check "the body's snippet marks the match, without the Markdown stars" \
    has "The <mark>$MANGROVE</mark> forests of $W"
check "markup in a release's text stays text in the snippet (escaped), never HTML" eval \
    'has "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" && lacks "<script>alert(1)"'
check "the summary's snippet is shown when only the summary matches" has "The <mark>$MANGROVE</mark> project of"
check "the results link to the releases' public pages" has "href=\"$(public_url "$R_TITLE")\""
search "$MANGROVE $W"
check "every word must match: two words find the three that hold both" test "$(shown_count)" = 3
search "$MANGROVE nosuchword$N"
check "a word no release holds makes it no result, said plainly" eval \
    '[ "$STATUS" = 200 ] && has "No results for" && [ -z "$(teaser_titles)" ]'
search "${MANGROVE%???}"
check "the last word matches as a prefix (${MANGROVE%???})" test "$(shown_count)" = 3
search "\"$W restoration\""
check "a quoted phrase must appear as written (no release has it)" has "No results for"
search "quokka $N"
check "the event's title is searched: the release about the Quokka symposium" eval 'shows "$T_TITLE" && [ "$(shown_count)" = 1 ]'
check "... and the event link shows the match marked" has "<mark>Quokka</mark> symposium"
search "wombat $N"
check "its organiser's name is searched too" eval 'shows "$T_TITLE" && [ "$(shown_count)" = 1 ]'
sql "UPDATE organizations SET name = 'Numbat Institute $N' WHERE id = $ORG"
search "numbat $N"
check "an organisation renamed with sqlite3: a search does not write, so the new name waits for a write" \
    eval 'has "No results for" && [ "$(sql "SELECT count(*) FROM releases_fts_stale")" -gt 0 ]'
check "pressroomctl reindex empties the list of stale documents" \
    eval 'reindex && [ "$(sql "SELECT count(*) FROM releases_fts_stale")" = 0 ]'
search "numbat $N"
check "an organisation renamed with sqlite3 is found by its new name" shows "$T_TITLE"
search "wombat $N"
check "... and no longer by its old one" has "No results for"

search "forced criminality"
check "the demo release, loaded by pressroomctl demo with no search in mind, is found" \
    shows "Chambers joins UNODC regional workshop on trafficking for forced criminality"

# Filters combine with the words, as on the listing.
search "$W"
check "the run's word is in 3 releases" test "$(shown_count)" = 3
search "$W" "&year=2021"
check "year=2021 leaves the two 2021 releases" eval '[ "$(shown_count)" = 2 ] && ! shows "$T_TITLE"'
search "$W" "&kind=conference&country=AU"
check "kind and country leave the release about the conference in Australia" eval '[ "$(shown_count)" = 1 ] && shows "$T_TITLE"'
search "$W" "&org=search-institute-$N&year=2022&kind=conference&country=AU"
check "all four filters with the words: still that one" eval '[ "$(shown_count)" = 1 ] && shows "$T_TITLE"'
check "the search form shows the words and every filter chosen" eval \
    'has "value=\"$W\"" && has "<option value=\"2022\" selected>" && has "<option value=\"conference\" selected>" &&
     has "<option value=\"search-institute-$N\" selected>" && has "<option value=\"AU\" selected>"'
check "removing a filter keeps the words" has "href=\"/search?kind=conference&amp;org=search-institute-$N&amp;country=AU&amp;q=$W\""
search "$W" "&year=2021&kind=conference"
check "a combination nothing matches says so, naming the filters" has "with these filters"
search "$W" "&kind=party"
check "a bad filter value answers 400 with the form naming it" eval \
    '[ "$STATUS" = 400 ] && has "<a href=\"#filter-kind\">"'

# Never found: a draft, a withdrawn release, one withdrawn by a time now past, one scheduled later,
# and the next edition of a published release until it is published itself.
HIDDEN="hiddenword$N"
new_release "$SA" "Search: draft with $HIDDEN" save
LS_BODY="$HIDDEN" published "$SA" "$SE" "Search: withdrawn $N"
wf_step "$SE" "${NEW_ID:-0}" withdraw --data-urlencode "note=Search test."
LS_BODY="$HIDDEN" published "$SA" "$SE" "Search: timed withdrawal $N"
sql "UPDATE releases SET withdraw_at = '2020-01-01T00:00:00Z' WHERE id = ${NEW_ID:-0}"
form_post "$SA" /admin/releases/new /admin/releases --data-urlencode "title=Search: scheduled $N" \
    --data-urlencode "summary=Later." --data-urlencode "body=$HIDDEN" --data-urlencode event_id= --data-urlencode action=submit
R_LATER=$(done_id submit)
approve_publish "$SE" "${R_LATER:-0}" --data-urlencode "publish_at=$(TZ=Asia/Brunei date -d '+2 days' +%Y-%m-%dT%H:%M)"
check "the scheduled release is scheduled" sql_is scheduled "SELECT status FROM releases WHERE id = ${R_LATER:-0}"
search "$HIDDEN"
check "drafts, withdrawn and scheduled releases are never found (all four hold the word)" eval \
    '[ "$STATUS" = 200 ] && has "No results for" && [ -z "$(teaser_titles)" ]'
sql "UPDATE releases SET published_at = '2021-01-01T00:00:00Z' WHERE id = ${R_LATER:-0}"
search "$HIDDEN"
check "a scheduled release is found once its time has come (the clock is in the query)" \
    eval '[ "$(shown_count)" = 1 ] && shows "Search: scheduled $N"'

EDITION="editionword$N"
http GET "/admin/releases/$R_TITLE" -b "$SA"
form_post "$SA" "/admin/releases/$R_TITLE" "/admin/releases/$R_TITLE" --data-urlencode "title=$T_TITLE" \
    --data-urlencode "summary=Summary." --data-urlencode "body=The second edition says $EDITION." \
    --data-urlencode "change_note=Search: a new edition" --data-urlencode "version=$(version_in "$BODY")" \
    --data-urlencode "event_id=$EV" --data-urlencode action=submit
check "author1 submits a next edition with a new word" wf_done submit "$R_TITLE"
search "$EDITION"
check "the pending edition is not found" has "No results for"
check "admin1 approves and publishes the edition" approve_publish "$SE" "$R_TITLE"
search "$EDITION"
check "once published, the edition's text is found" eval '[ "$(shown_count)" = 1 ] && shows "$T_TITLE"'
search "$W" "&kind=conference"
check "... and the first edition's text no longer is" has "No results for"

# Pages of results: 23 releases with one word (made with sqlite3, indexed by pressroomctl reindex).
MANY="pageword$N"
author=$(sql "SELECT id FROM users WHERE name = 'author1'")
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 23)
     INSERT INTO releases(slug, title, body, status, author_id, created_at, updated_at, published_at)
     SELECT 'search-page-$N-' || i, 'Search: page ' || printf('%02d', i) || ' $N', '$MANY', 'published', $author,
       '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', printf('2020-02-%02dT00:00:00Z', i) FROM n"
reindex
search "$MANY"
p1=$(teaser_titles)
next=$(pager_link next)
check "23 results: 20 on the first page, a link to more" eval \
    '[ "$(shown_count)" = 23 ] && [ "$(echo "$p1" | wc -l)" = 20 ] && [ -n "$next" ]'
http GET "$next"
check "the second page has the other 3, and a link back" eval \
    '[ "$(teaser_titles | wc -l)" = 3 ] && [ -n "$(pager_link prev)" ] && [ -z "$(pager_link next)" ]'
check "the two pages hold each of the 23 once" \
    test "$( { echo "$p1"; teaser_titles; } | sort -u | wc -l)" = 23
search "$MANY" "&page=3"
status_is 404 "page 3 of two answers 404"
search "$MANY" "&page=abc"
status_is 400 "page=abc answers 400"

# Any input a person can type: 200, with results or a plain "no results", never an error page. (A
# search box holds one line: tabs and newlines, which lighttpd itself refuses in a query, are not here.)
LONG=$(head -c 1000 /dev/zero | tr '\0' 'a')
LONGW=$(printf "$MANGROVE %.0s" $(seq 1 40))
for typed in "\"" "\"\"" "\"$MANGROVE" "$MANGROVE\"" "\"$MANGROVE\" \"" "AND" "OR" "NOT" "NEAR" "$MANGROVE AND" "OR $MANGROVE" \
    "NOT $MANGROVE" "$MANGROVE NOT" "NEAR($MANGROVE $W)" "NEAR($MANGROVE, 5)" "*" "$MANGROVE*" "*$MANGROVE" "^$MANGROVE" \
    ":" "title:$MANGROVE" "{title body}:$MANGROVE" "body : $MANGROVE" "(" ")" "($MANGROVE" "$MANGROVE)" "-" "-$MANGROVE" \
    "$MANGROVE -$W" "+" "a + b" "%" "_" "'" "' OR 1=1 --" "\\" "\\\"" "<script>alert(1)</script>" "&amp;" "&#0;" \
    "$LONG" "$LONGW" "     " "" "café" "Côte d'Ivoire" "日本語" "مرحبا" "😀" \
    "— –" "“$MANGROVE”" "$MANGROVE’s" "x*y^z:(a)-b" "NEAR"; do
	search "$typed"
	if [ "$STATUS" = 200 ] && { has "No results" || has "<p class=\"count\">" || has "Type one or more words"; } &&
	    lacks "<script>alert(1)"; then
		ok "search for [$(printf %.40s "$typed" | tr '\n\t' '  ')] answers 200 with results or \"no results\""
	else
		not_ok "search for [$(printf %.40s "$typed" | tr '\n\t' '  ')] answers 200 with results or \"no results\""
		show_last
	fi
done
search "$LONG"
check "a search over 200 characters is cut there, and the page says so" has "only its first 200 were used"
search "\"$MANGROVE"
check "an unclosed quote still finds the word" test "$(shown_count)" = 3
search "$MANGROVE OR nosuchword$N"
check "OR is not an operator: both words must match (none does)" has "No results"
search "title:$MANGROVE"
check "a column filter is only text: 'title' must be in the text too (none holds it before the word)" has "No results"
search ""
check "an empty search shows the form and a prompt, not an error" eval '[ "$STATUS" = 200 ] && has "Type one or more words"'
search "<b>$MANGROVE</b>"
check "what was typed is shown back escaped" eval 'has "&lt;b&gt;$MANGROVE&lt;/b&gt;" && lacks "<b>$MANGROVE</b>"'

http GET /
check "every page has a search box in its header: a GET form to /search with a visible label" eval \
    'has "<form class=\"site-search\" role=\"search\" method=\"get\" action=\"/search\">" &&
     has "<label for=\"site-search-q\">Search releases</label>" && has "<input id=\"site-search-q\" type=\"search\" name=\"q\""'
for qs in "q=$MANGROVE" "q=$MANY&page=2" "q=" "q=$W&kind=party"; do
	http GET "/search?$qs"
	html_valid "/search?$qs"
done

# A word found as typed is that word; only a start of a word that finds nothing is read as a prefix.
check "a fourth release holds a longer word that begins with the run's word" eval \
    'LS_BODY="The ${MANGROVE}xq word." published "$SA" "$SE" "Search: longer word $N" "" 2021-05-08T05:00:00Z'
search "$MANGROVE"
check "the run's word as typed finds its three releases, not the one with the longer word" eval \
    '[ "$(shown_count)" = 3 ] && ! shows "Search: longer word $N"'
search "${MANGROVE}x"
check "a start that no release holds as a word finds the longer word (prefix)" eval \
    '[ "$(shown_count)" = 1 ] && shows "Search: longer word $N" && has "<mark>${MANGROVE}xq</mark>"'
search "${MANGROVE%???}"
check "a shorter start finds all four" test "$(shown_count)" = 4

# Words only an unpublished release holds must change nothing a reader sees: a draft with the word
# as typed must not stop the prefix from finding the published release with a longer word.
SECRET="cipher$N"
check "a draft holds a word, a published release a longer word that begins with it" eval \
    'new_release "$SA" "Search: draft with $SECRET" save && DRAFT_ID=$NEW_ID &&
     LS_BODY="The ${SECRET}xq word." published "$SA" "$SE" "Search: published with longer $N" "" 2021-05-09T05:00:00Z'
search "$SECRET"
check "the word as typed, held only by the draft, falls back to the prefix: the published release is found" eval \
    '[ "$(shown_count)" = 1 ] && shows "Search: published with longer $N" && ! shows "Search: draft with"'

# A search only reads: the writer rebuilds the documents its change touched before it commits.
GONE=$(sql "SELECT id FROM releases WHERE title = $(q "Search: published with longer $N")")
sql "UPDATE releases SET title = 'Search: retitled $N' WHERE id = $GONE"
search "retitled $N"
check "a search with a document out of date writes nothing (it is still listed stale)" eval \
    '[ "$STATUS" = 200 ] && has "No results for" && [ "$(sql "SELECT count(*) FROM releases_fts_stale WHERE release_id = $GONE")" = 1 ]'
# No public GET writes, not even with a document listed stale: the database and its write-ahead
# log are untouched by a round of them.
wal_before=$(stat -c '%.9Y %s' "$DB" "$DB-wal")
for p in / "/search?q=workshop" "/search?q=$MANGROVE" /events /organisations /feed.atom /api/v1/releases /sitemap.xml; do
	http GET "$p"
done
check "anonymous GETs of the listing, searches, feeds and the API leave the database and its log untouched" \
    test "$(stat -c '%.9Y %s' "$DB" "$DB-wal")" = "$wal_before"
check "the next save through pressroom rebuilds it in its own transaction" eval \
    'new_release "$SA" "Search: a save $N" save && [ "$(sql "SELECT count(*) FROM releases_fts_stale")" = 0 ]'
search "retitled $N"
check "... and the search finds the new title" eval '[ "$(shown_count)" = 1 ] && shows "Search: retitled $N"'
