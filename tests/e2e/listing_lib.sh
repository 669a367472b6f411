# listing_lib.sh: readers and fixtures for the listing, filter, search and scale tests (t_filters, t_search, t_scale).
# Relies on lib.sh (sql, html_unescape, diag) and sources workflow_lib.sh. Every name here starts with ls_, LS_
# or is a function.

. tests/e2e/workflow_lib.sh

# Listed, on a releases table aliased r: published and due, not withdrawn; the clock is in the query,
# as in cgi/store/release.c. The oracle the tests count with.
LS_LISTED="r.status IN ('published','scheduled') AND r.published_at <= strftime('%Y-%m-%dT%H:%M:%SZ','now')
    AND (r.withdraw_at IS NULL OR r.withdraw_at > strftime('%Y-%m-%dT%H:%M:%SZ','now'))"

# shown_count: the number the last page's count line gives ("2,345 releases ..." or "12 results ..."), "" if none.
shown_count() {
	sed -n 's/.*<p class="count">\([0-9][0-9,]*\) \(release\|result\).*/\1/p' "$BODY" | head -1 | tr -d ,
}

# pager_link REL: the href of the last page's link with rel="prev" or rel="next", unescaped.
pager_link() {
	sed -n "s/.*<a href=\"\([^\"]*\)\" rel=\"$1\">.*/\1/p" "$BODY" | head -1 | html_unescape
}

# teaser_titles: the titles of the releases on the last page, in order, one a line, marks removed.
teaser_titles() {
	sed -n 's/.*<h2><a href="\/news\/[^"]*">\(.*\)<\/a><\/h2>.*/\1/p' "$BODY" | sed 's/<\/*mark>//g' | html_unescape
}

# shows TITLE: the last page lists a release with exactly this title.
shows() {
	teaser_titles | grep -qxF -- "$1"
}

# q TEXT: TEXT quoted for a string in SQL.
q() {
	printf "'%s'" "$(printf %s "$1" | sed "s/'/''/g")"
}

# make_org SLUG NAME: an organisation made with sqlite3, as an import would; prints its id.
make_org() {
	sql "INSERT INTO organizations(slug, name, kind) VALUES ($(q "$1"), $(q "$2"), 'ngo') RETURNING id"
}

# make_event SLUG TITLE KIND COUNTRY [ORG_ID ROLE]: an event made with sqlite3; prints its id.
make_event() {
	ls_id=$(sql "INSERT INTO events(slug, title, kind, starts_on, ends_on, city, country)
	    VALUES ($(q "$1"), $(q "$2"), '$3', '2019-05-01', '2019-05-02', 'Somewhere', '$4') RETURNING id")
	[ -n "${5:-}" ] && sql "INSERT INTO sponsors(event_id, organization_id, role) VALUES ($ls_id, $5, '$6')"
	echo "$ls_id"
}

# published AUTHOR_JAR EDITOR_JAR TITLE [EVENT_ID [AT]]: a release written by one person (its summary
# and body LS_SUMMARY and LS_BODY when set) and approved and published by another, through the staff
# forms; backdated to AT (UTC) with sqlite3 when given. Sets NEW_ID; fails when a step did.
published() {
	form_post "$1" /admin/releases/new /admin/releases --data-urlencode "title=$3" \
	    --data-urlencode "summary=${LS_SUMMARY:-Summary of: $3}" --data-urlencode "body=${LS_BODY:-Body of: $3.}" \
	    --data-urlencode "event_id=${4:-}" --data-urlencode "action=submit"
	NEW_ID=$(done_id submit)
	[ -n "$NEW_ID" ] && approve_publish "$2" "$NEW_ID" || { diag "published: [$3] was not published"; return 1; }
	[ -z "${5:-}" ] || sql "UPDATE releases SET published_at = '$5' WHERE id = $NEW_ID"
}
