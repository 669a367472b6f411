# t_pages: /events (upcoming and past) and an event page in depth: dates, venue, organisers, sponsors, every delegation.

. tests/e2e/pages_lib.sh
pages_fixture
DEMO_EVENT=regional-workshop-trafficking-forced-criminality-2025
DEMO_TITLE="Regional Workshop on Criminal Justice Response to Trafficking in Persons for Forced Criminality"

# section_of ID: the text of the listing's section with that heading id, on one line.
section_of() {
	tr '\n' ' ' < "$BODY" | sed 's|<section|\n<section|g' | grep -F "aria-labelledby=\"$1-heading\""
}

http GET /events
status_is 200 "GET /events answers 200"
check "the upcoming meeting is listed under Upcoming, with its long dates, place and kind" eval \
    'section_of upcoming | grep -qF "href=\"/events/$PF_UP_SLUG\"" &&
     section_of upcoming | grep -qF "$PF_UP_DATES</time>" &&
     section_of upcoming | grep -qF "Kuala Lumpur, Malaysia" && section_of upcoming | grep -qF ">meeting<"'
check "the demo workshop is listed under Past, as 18-19 February 2025 in Bangkok, Thailand" eval \
    'section_of past | grep -qF "href=\"/events/$DEMO_EVENT\"" &&
     section_of past | grep -qF "18-19 February 2025</time>" && section_of past | grep -qF "Bangkok, Thailand"'
check "neither section lists the other's event" eval \
    '! section_of past | grep -qF "/events/$PF_UP_SLUG\"" && ! section_of upcoming | grep -qF "/events/$DEMO_EVENT\""'
check "an event only a draft is about is not listed" lacks "/events/$PF_DRAFT_SLUG\""
want=$(sql "SELECT count(*) FROM events e WHERE $PF_PUBLIC")
got=$(grep -c '<h3><a href="/events/' "$BODY")
check "/events lists every public event, once ($got, sqlite3 says $want)" test "$got" = "$want"
check "past events come latest first" eval \
    '[ "$(section_of past | grep -o "datetime=\"[0-9-]*\"" | tr -d "a-z=\"" | tr "\n" " ")" = \
       "$(section_of past | grep -o "datetime=\"[0-9-]*\"" | tr -d "a-z=\"" | sort -r | tr "\n" " ")" ]'
html_valid "/events"
http GET "/events?page=2"
status_is 404 "/events?page=2 with one page of past events answers 404"
http GET "/events?page=abc"
status_is 404 "/events?page=abc answers 404"

http GET "/events/$PF_UP_SLUG"
status_is 200 "the upcoming meeting's page answers 200"
body_has "the event page shows the dates in long form, the kind, the venue and the place" \
    "<time datetime=\"$PF_UP_MONTH-05\">$PF_UP_DATES</time>" ">meeting</dd>" "Shangri-La Hotel" \
    "Kuala Lumpur, Malaysia"
fli=$(sql "SELECT slug FROM organizations WHERE name = 'Fixture Legal Institute'")
fund=$(sql "SELECT slug FROM organizations WHERE name = 'Fixture Justice Fund'")
body_has "the organiser and the sponsor are named and link to their organisation pages" \
    "<dt>Organiser</dt><dd><a href=\"/organisations/$fli\">Fixture Legal Institute</a> (FLI)</dd>" \
    "<dt>Sponsor</dt><dd><a href=\"/organisations/$fund\">Fixture Justice Fund</a></dd>"
body_has "both delegations are shown, each under who sent it, with its members by role and department" \
    "<dt>Delegation of Attorney General&#39;s Chambers</dt><dd>2 legal counsels, Attorney General&#39;s Chambers</dd>" \
    "<dt>Delegation of State Judiciary Department</dt><dd>1 judicial officer, State Judiciary Department</dd>"
check "the delegations come in the order they were recorded" eval \
    'text_in "$BODY" | grep -q "Delegation of Attorney General.s Chambers.*Delegation of State Judiciary Department"'
check "participants (60) and countries represented (10) are shown" eval \
    'has "Participants</dt><dd>60</dd>" && has "Countries represented</dt><dd>10</dd>"'
body_has "the page lists the release about it" "href=\"$PF_UP_URL\"" \
    "Chambers to attend the ASEAN meeting on legal assistance"
body_has "the page links to every event and to the year's engagements" \
    'href="/events">All events' "href=\"/engagements/${PF_UP_MONTH%-*}\""
html_valid "an event page with two delegations"

http GET "/events/$DEMO_EVENT"
body_has "the demo event's one delegation is still \"Our delegation\", with both rows" \
    "<dt>Our delegation</dt><dd>2 judicial officers, State Judiciary Department</dd><dd>2 legal counsels"
body_has "the demo event links its organiser and sponsor" 'href="/organisations/unodc"' 'href="/organisations/eu"'

check "the embargoed event exists in the database" test -n "$PF_DRAFT_SLUG"
http GET "/events/$PF_DRAFT_SLUG"
status_is 404 "the page of an event only a draft is about answers 404 (nothing leaks before the release)"
