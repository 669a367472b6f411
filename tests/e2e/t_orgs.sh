# t_orgs: /organisations with counts per organisation, an organisation's page, and 404 for the unknown and the embargoed.

. tests/e2e/pages_lib.sh
pages_fixture
FLI=$(sql "SELECT slug FROM organizations WHERE name = 'Fixture Legal Institute'")
SJD=state-judiciary-department

# index_line SLUG: the index's text for the organisation, after its name ("organiser of 1 event; ...").
index_line() {
	grep -F "<li id=\"org-$1\">" "$BODY" | sed 's/.*<span class="parts">\(.*\)<\/span>.*/\1/' | html_unescape
}

# has_part SLUG TEXT: one of the organisation's counts in the index is TEXT.
has_part() {
	index_line "$1" | sed 's/; /\n/g' | grep -qxF "$2" || { diag "$1: $(index_line "$1")"; false; }
}

# want_count ROLE SLUG: events of that role for the organisation that sqlite3 counts as public.
want_count() {
	sql "SELECT count(*) FROM sponsors s JOIN events e ON e.id = s.event_id JOIN organizations o
	    ON o.id = s.organization_id WHERE o.slug = '$2' AND s.role = '$1' AND $PF_PUBLIC"
}

# events_word N: "1 event", "2 events".
events_word() {
	if [ "$1" = 1 ]; then echo "1 event"; else echo "$1 events"; fi
}

http GET /organisations
status_is 200 "GET /organisations answers 200"
check "the index lists the demo's organiser, sponsor and both departments, by name" eval \
    'text_in "$BODY" | grep -q "Attorney General.s Chambers (AGC):.*European Union (EU):.*State Judiciary Department:.*United Nations Office on Drugs and Crime (UNODC):"'
check "UNODC is \"organiser of $(events_word "$(want_count organiser unodc)")\", as sqlite3 counts" \
    has_part unodc "organiser of $(events_word "$(want_count organiser unodc)")"
check "the EU is \"sponsor of $(events_word "$(want_count sponsor eu)")\"" \
    has_part eu "sponsor of $(events_word "$(want_count sponsor eu)")"
check "the fixture's organiser is counted and linked" eval \
    'has_part "$FLI" "organiser of 1 event" && has "<a href=\"/organisations/$FLI\">Fixture Legal Institute</a>"'
sent=$(sql "SELECT count(*) FROM delegations d JOIN events e ON e.id = d.event_id JOIN organizations o
    ON o.id = d.organization_id WHERE o.slug = 'agc' AND $PF_PUBLIC")
check "the AGC \"sent $sent delegations\", as sqlite3 counts" has_part agc "sent $sent delegations"
people=$(sql "SELECT sum(m.count) || ' people in ' || count(DISTINCT m.delegation_id) FROM delegation_members m
    JOIN delegations d ON d.id = m.delegation_id JOIN events e ON e.id = d.event_id
    JOIN organizations o ON o.id = m.organization_id WHERE o.slug = '$SJD' AND $PF_PUBLIC")
check "the State Judiciary Department had \"$people delegations\" and sent 1 (the fixture's)" eval \
    'has_part $SJD "sent 1 delegation" && has_part $SJD "$people delegations"'
check "an organisation named only in a draft is not listed (nothing leaks before the release)" \
    lacks "Embargoed Organising Office"
unodc_line=$(index_line unodc) sjd_line=$(index_line $SJD)
html_valid "/organisations"

http GET /organisations/unodc
status_is 200 "UNODC's page answers 200"
body_has "UNODC's page names it, its kind and website, and the demo workshop it organised" \
    "<h1>United Nations Office on Drugs and Crime (UNODC)</h1>" "United Nations agency" \
    'href="https://www.unodc.org/"' 'href="/events/regional-workshop-trafficking-forced-criminality-2025"' \
    '<span class="note">organiser</span>'
check "its counts are the index's" has "In our releases: $unodc_line</p>"

http GET "/organisations/$SJD"
status_is 200 "the State Judiciary Department's page answers 200"
body_has "its delegations: the one it sent, and the AGC's with its 2 judicial officers in it" \
    "<span class=\"note\">sent the delegation (1 person)</span>" \
    "<span class=\"note\">2 people in the delegation of Attorney General&#39;s Chambers (4 in all)</span>"
check "... listed latest event first" eval \
    'text_in "$BODY" | grep -q "Pages fixture: ASEAN meeting.*Regional Workshop on Criminal Justice"'
check "its counts are the index's" eval 'text_in "$BODY" | grep -qF "In our releases: $sjd_line"'
check "it organised nothing, so there is no such section" lacks "Events it organised"
html_valid "an organisation page with delegations"

http GET "/organisations/$FLI"
body_has "the fixture's organiser's page lists the upcoming meeting" "href=\"/events/$PF_UP_SLUG\"" \
    "Pages fixture: ASEAN meeting on mutual legal assistance"
html_valid "an organisation page with events"

http GET /organisations/no-such-organisation
status_is 404 "an unknown organisation answers 404"
embargoed=$(sql "SELECT slug FROM organizations WHERE name = 'Embargoed Organising Office'")
check "the embargoed organiser exists in the database" test -n "$embargoed"
http GET "/organisations/$embargoed"
status_is 404 "the page of an organisation named only in a draft answers 404"
