# t_filters: the listing on / narrowed by year, event kind, organisation and country, and paged by keyset cursors.

. tests/e2e/listing_lib.sh

FA="$TMP/filters-author1.jar" FE="$TMP/filters-admin1.jar"
login "$FA" author1 author-one-password
login "$FE" admin1 admin-one-password

# Organisations and events made with sqlite3, as an import would; releases through the staff forms.
N=$$
ORG=$(make_org "filter-foundation-$N" "Filter Test Foundation $N")
HIDDEN=$(make_org "filter-embargo-$N" "Embargoed Partner $N")
FUND=$(make_org "filter-fund-$N" "Filter Training Fund $N")
EV_VISIT_JP=$(make_event "filter-visit-jp-$N" "Filter study visit to Tokyo $N" visit JP "$ORG" organiser)
EV_TRAIN_JP=$(make_event "filter-training-jp-$N" "Filter training in Osaka $N" training JP "$FUND" sponsor)
EV_VISIT_FR=$(make_event "filter-visit-fr-$N" "Filter study visit to Paris $N" visit FR)
EV_HIDDEN=$(make_event "filter-embargo-$N" "Filter embargoed summit $N" conference AQ "$HIDDEN" host)
# The foundation's people were in the Paris delegation: that makes it part of the event too.
sql "INSERT INTO delegations(event_id, organization_id) VALUES ($EV_VISIT_FR, (SELECT id FROM organizations WHERE slug = 'agc'));
     INSERT INTO delegation_members(delegation_id, role_title, organization_id, count)
     VALUES (last_insert_rowid(), 'legal counsel', $ORG, 2)"

T_VJ="Filters: visit to Tokyo in 2019 $N" T_TJ="Filters: training in Osaka at new year $N"
T_VF="Filters: visit to Paris in 2021 $N" T_NONE="Filters: no event, 2019 $N"
T_DRAFT="Filters: a draft about the Tokyo visit $N" T_GONE="Filters: withdrawn Tokyo release $N"
check "four releases are published through the forms (about three events and none)" eval \
    'published "$FA" "$FE" "$T_VJ" "$EV_VISIT_JP" 2019-06-01T04:00:00Z &&
     published "$FA" "$FE" "$T_TJ" "$EV_TRAIN_JP" 2019-12-31T20:00:00Z &&
     published "$FA" "$FE" "$T_VF" "$EV_VISIT_FR" 2021-03-03T03:00:00Z &&
     published "$FA" "$FE" "$T_NONE" "" 2019-07-01T00:00:00Z'
new_release "$FA" "$T_DRAFT" save
sql "UPDATE releases SET event_id = $EV_VISIT_JP WHERE id = ${NEW_ID:-0}"
published "$FA" "$FE" "$T_GONE" "$EV_VISIT_JP" 2019-06-02T00:00:00Z
wf_step "$FE" "${NEW_ID:-0}" withdraw --data-urlencode "note=Filters: withdrawn for the test."
new_release "$FA" "Filters: the only release about the embargoed summit $N" save
sql "UPDATE releases SET event_id = $EV_HIDDEN WHERE id = ${NEW_ID:-0}"

# count_is WHERE DESC: the last page's count line is the number of listed releases matching WHERE
# (on releases r and their events e).
count_is() {
	ls_want=$(sql "SELECT count(*) FROM releases r LEFT JOIN events e ON e.id = r.event_id WHERE $LS_LISTED AND $1")
	check "$2: the count line says $ls_want, as sqlite3 counts ($(shown_count))" test "$(shown_count)" = "$ls_want"
}

# Each filter alone.
http GET "/?kind=visit"
status_is 200 "/?kind=visit answers 200"
check "/?kind=visit lists both visits, not the training or the release without an event" eval \
    'shows "$T_VJ" && shows "$T_VF" && ! shows "$T_TJ" && ! shows "$T_NONE"'
count_is "e.kind = 'visit'" "/?kind=visit"
check "the form shows the kind chosen" has '<option value="visit" selected>Visit</option>'
http GET "/?country=JP"
check "/?country=JP lists the Tokyo visit and the Osaka training, not Paris" eval \
    'shows "$T_VJ" && shows "$T_TJ" && ! shows "$T_VF"'
count_is "e.country = 'JP'" "/?country=JP"
check "the form shows the country chosen by name" has '<option value="JP" selected>Japan</option>'
http GET "/?org=filter-foundation-$N"
check "/?org= lists the event it organised and the one its people went to, not the others" eval \
    'shows "$T_VJ" && shows "$T_VF" && ! shows "$T_TJ" && ! shows "$T_NONE"'
count_is "r.event_id IN (SELECT event_id FROM event_organizations WHERE organization_id = $ORG)" "/?org=<the foundation>"
check "the form shows the organisation chosen" has "<option value=\"filter-foundation-$N\" selected>"
http GET "/?org=filter-fund-$N"
check "/?org= of a sponsor lists the training it sponsored alone" eval 'shows "$T_TJ" && [ "$(shown_count)" = 1 ]'
http GET "/?org=unodc"
check "/?org=unodc lists the demo release, about the workshop it organised" has "Chambers joins UNODC regional workshop"
http GET "/?year=2019"
check "/?year=2019 lists the 2019 releases; 31 December 20:00 UTC is 2020 in the office and is left out" eval \
    'shows "$T_VJ" && shows "$T_NONE" && ! shows "$T_TJ" && ! shows "$T_VF"'
count_is "r.published_at >= '2018-12-31T16:00:00Z' AND r.published_at < '2019-12-31T16:00:00Z'" "/?year=2019 (office time)"
check "the form shows the year chosen" has '<option value="2019" selected>2019</option>'
http GET "/?year=2020"
check "/?year=2020 lists the release of 1 January 2020, office time" shows "$T_TJ"

# Combinations narrow further; every URL is a bookmark.
http GET "/?year=2019&kind=visit&org=filter-foundation-$N&country=JP"
check "year, kind, organisation and country together leave the Tokyo visit alone" eval \
    'shows "$T_VJ" && [ "$(teaser_titles | wc -l)" = 1 ] && [ "$(shown_count)" = 1 ]'
check "... and the form shows all four choices" eval \
    'has "<option value=\"2019\" selected>" && has "<option value=\"visit\" selected>" &&
     has "<option value=\"filter-foundation-$N\" selected>" && has "<option value=\"JP\" selected>"'
check "... and each chosen filter has a link that removes it alone" eval \
    'has "href=\"/?kind=visit&amp;org=filter-foundation-$N&amp;country=JP\"" &&
     has "href=\"/?year=2019&amp;org=filter-foundation-$N&amp;country=JP\"" &&
     has "href=\"/?year=2019&amp;kind=visit&amp;country=JP\"" && has "href=\"/?year=2019&amp;kind=visit&amp;org=filter-foundation-$N\""'
check "... and one that removes them all" has '<a href="/">Remove every filter</a>'
http GET "/?kind=visit&country=FR"
check "kind and country: the Paris visit only" eval 'shows "$T_VF" && [ "$(shown_count)" = 1 ]'
http GET "/?year=2019&kind=training"
status_is 200 "a combination nothing matches answers 200"
check "... and says no release matches" eval 'has "No published release matches these filters" && [ "$(shown_count)" = 0 ]'
http GET "/?year=&kind=&org=&country="
status_is 200 "empty values (an untouched form) mean any"
all=$(sql "SELECT count(*) FROM releases r WHERE $LS_LISTED")
check "... and list everything ($all)" test "$(shown_count)" = "$all"
http GET "/?country=jp"
check "a lower-case country code is read as upper case" eval '[ "$STATUS" = 200 ] && has "<option value=\"JP\" selected>"'
check "the filter form is a GET form to / with labelled selects named year, kind, org and country" eval \
    'has "<form method=\"get\" action=\"/\"" && has "<label for=\"filter-year\">Year</label>" &&
     has "<select id=\"filter-year\" name=\"year\"" && has "<select id=\"filter-kind\" name=\"kind\"" &&
     has "<select id=\"filter-org\" name=\"org\"" && has "<select id=\"filter-country\" name=\"country\""'

# Never listed, whatever the filter: the draft, the withdrawn release; nor offered: an embargoed organisation.
for f in "kind=visit" "country=JP" "org=filter-foundation-$N" "year=2019" ""; do
	http GET "/?$f"
	shows "$T_DRAFT" || shows "$T_GONE" && break
done
check "no filter lists the draft or the withdrawn release (last: /?$f)" eval '! shows "$T_DRAFT" && ! shows "$T_GONE"'
http GET /
check "an organisation only a draft's event names is not offered" lacks "filter-embargo-$N"
check "a country only a draft's event is in is not offered" lacks '<option value="AQ"'

# Bad values: 400, with the filter named (the form again), never a 5xx.
for bad in "year=abc" "year=20x5" "year=99" "year=30000" "year=-2019" "kind=party" "kind=Visit" "org=No%20Such" \
    "org=filter-embargo-$N" "org=no-such-organisation" "country=XX" "country=THA" "country=1"; do
	http GET "/?$bad"
	name=${bad%%=*}
	check "/?$bad answers 400 naming the field" eval \
	    '[ "$STATUS" = 400 ] && has "class=\"error-summary\"" && has "<a href=\"#filter-$name\">"'
done
for bad in "before=yesterday" "before=2025-02-24T02:00:00Z" "before=2025-02-24T02:00:00Z.0" "before=2025-02-30T02:00:00Z.5" \
    "before=2025-02-24T02:00:00Z.05" "after=2025-02-24%2002:00:00Z.5" "after=x.5" \
    "before=2025-02-24T02:00:00Z.5&after=2025-02-24T02:00:00Z.6" "page=0" "page=abc" "page=-1"; do
	http GET "/?$bad"
	status_is 400 "/?$bad answers 400"
done

# Keyset pages: 23 listed releases of one filter (made with sqlite3; the 20th and 21st share a time,
# so the id orders them, across the page boundary), 20 a page, newest first, none twice or missed.
EV_PAGES=$(make_event "filter-pages-$N" "Filter meeting with many releases $N" meeting IS "$ORG" partner)
author=$(sql "SELECT id FROM users WHERE name = 'author1'")
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 23)
     INSERT INTO releases(slug, title, status, event_id, author_id, created_at, updated_at, published_at)
     SELECT 'filter-page-$N-' || i, 'Filters: page test ' || printf('%02d', i) || ' $N', 'published', $EV_PAGES, $author,
       '2018-01-01T00:00:00Z', '2018-01-01T00:00:00Z',
       printf('2018-03-%02dT00:00:00Z', 30 - min(i, 20) - max(i - 21, 0)) FROM n"
want=$(sql "SELECT group_concat(title, '|') FROM (SELECT r.title FROM releases r JOIN events e ON e.id = r.event_id
    WHERE $LS_LISTED AND e.kind = 'meeting' AND e.country = 'IS' ORDER BY r.published_at DESC, r.id DESC)")
http GET "/?kind=meeting&country=IS"
page1=$(teaser_titles | tr '\n' '|')
older=$(pager_link next)
check "the first page shows 20, an Older link that keeps the filters, and no Newer link" eval \
    '[ "$(teaser_titles | wc -l)" = 20 ] && [ -z "$(pager_link prev)" ] &&
     case "$older" in "/?kind=meeting&country=IS&before="*) true ;; *) false ;; esac'
last=$(sql "SELECT published_at || '.' || id FROM releases WHERE title = $(q "$(teaser_titles | tail -1)")")
check "the cursor names the last release shown, by its time and id ($last)" \
    test "$(printf %s "${older##*before=}" | sed 's/%3A/:/g')" = "$last"
http GET "$older"
status_is 200 "the Older page answers 200"
page2=$(teaser_titles | tr '\n' '|')
newer=$(pager_link prev)
check "it holds the other 3, and no Older link" eval '[ "$(teaser_titles | wc -l)" = 3 ] && [ -z "$(pager_link next)" ]'
check "both pages together are every matching release, newest first, each once" test "$page1$page2" = "$want|"
check "the Older page links to Newer releases with after= and the filters" \
    eval 'case "$newer" in "/?kind=meeting&country=IS&after="*) true ;; *) false ;; esac'
http GET "$newer"
check "Newer from the second page reaches the newest: 303 to the first page's own address" eval \
    '[ "$STATUS" = 303 ] && case "$(hdr Location)" in *"/?kind=meeting&country=IS") true ;; *) false ;; esac'
http GET "/?kind=meeting&country=IS&page=2"
check "an old link /?page=2 answers 303 to the same place as the Older link" eval \
    '[ "$STATUS" = 303 ] && case "$(hdr Location)" in *"$older") true ;; *) false ;; esac'
http GET "/?kind=meeting&country=IS&page=3"
status_is 404 "/?page=3 of two pages answers 404"
http GET "/?kind=meeting&country=IS&before=2000-01-01T00:00:00Z.1"
status_is 404 "a cursor before everything answers 404 (an empty page)"
cursor=$(sql "SELECT published_at || '.' || id FROM releases WHERE slug = 'filter-page-$N-5'")
http GET "/?kind=meeting&country=IS&before=$cursor"
check "a cursor in the middle starts just after its release (the page reads 6 to 23)" eval \
    '[ "$(teaser_titles | head -1)" = "Filters: page test 06 $N" ] && [ "$(teaser_titles | wc -l)" = 18 ] && [ -n "$(pager_link prev)" ]'
http GET "/?kind=meeting&country=IS&after=$cursor"
check "after= a release with fewer than a page newer answers 303 to the first page" eval \
    '[ "$STATUS" = 303 ] && case "$(hdr Location)" in *"/?kind=meeting&country=IS") true ;; *) false ;; esac'
oldest=$(sql "SELECT published_at || '.' || id FROM releases WHERE slug = 'filter-page-$N-23'")
http GET "/?kind=meeting&country=IS&after=$oldest"
check "after= the oldest reads the 20 just newer, newest first, with Newer and Older links" eval \
    '[ "$(teaser_titles | head -1)" = "Filters: page test 03 $N" ] && [ "$(teaser_titles | tail -1)" = "Filters: page test 22 $N" ] &&
     [ "$(teaser_titles | wc -l)" = 20 ] && [ -n "$(pager_link prev)" ] && [ -n "$(pager_link next)" ]'

for p in "/?year=2019&kind=visit&country=JP" "/?kind=party" "/?kind=meeting&country=IS&before=$cursor"; do
	http GET "$p"
	html_valid "$p"
done
