# t_authoring: writing releases: the form's labels, a release with a new event going through review to
# the public, drafts, who may see, submit and publish what.

. tests/e2e/workflow_lib.sh
ED="$TMP/authoring-editor.jar" A1="$TMP/authoring-author1.jar" A2="$TMP/authoring-author2.jar"
ADM="$TMP/authoring-admin1.jar"
TITLE="Chambers attends Singapore conference on mutual legal assistance"
BODY_MD="Three legal counsels and a judicial officer attended the conference in **Singapore**.

## Topics

- Requests for evidence across borders
- Extradition practice

The delegation thanked the organisers."

login "$ED" editor1 editor-one-password
status_is 303 "the editor logs in"

http GET /admin/releases/new -b "$ED"
status_is 200 "GET /admin/releases/new answers 200 for the editor"
cp "$BODY" "$TMP/authoring-form.html"
# labels_ok FILE WHAT: a test line: every form control with an id has a <label for=that id>.
labels_ok() {
	ids=$(grep -oE '<(input|select|textarea)[^>]*>' "$1" | sed -n 's/.* id="\([^"]*\)".*/\1/p')
	unlabelled=""
	for id in $ids; do
		grep -qF "<label for=\"$id\"" "$1" || unlabelled="$unlabelled $id"
	done
	check "every input, select and textarea of $2 ($(echo $ids | wc -w) with ids) has a <label for>" \
	    eval '[ -n "$ids" ] && [ -z "$unlabelled" ] || { diag "unlabelled:$unlabelled"; false; }'
}
labels_ok "$TMP/authoring-form.html" "the release form"
check "the release form offers member rows as repeated fields" grep -q 'name="member_role"' "$TMP/authoring-form.html"
check "the release form has the buttons Save draft and Save and submit for review" eval \
    'grep -q "name=\"action\" value=\"save\">Save draft<" "$TMP/authoring-form.html" &&
     grep -q "name=\"action\" value=\"submit\"[^>]*>Save and submit for review<" "$TMP/authoring-form.html"'
check "the release form has no publish button any more, not even for an editor" \
    eval '! grep -q "value=\"publish\"" "$TMP/authoring-form.html"'

form_post "$ED" /admin/releases/new /admin/releases \
    --data-urlencode "title=$TITLE" \
    --data-urlencode "summary=The Chambers sent a delegation to a regional conference on mutual legal assistance." \
    --data-urlencode "body=$BODY_MD" \
    --data-urlencode event_id=new \
    --data-urlencode "event_title=Regional Conference on Mutual Legal Assistance in Criminal Matters" \
    --data-urlencode event_kind=conference \
    --data-urlencode event_starts_on=2025-03-10 --data-urlencode event_ends_on=2025-03-12 \
    --data-urlencode "event_venue=Maxwell Chambers" --data-urlencode event_city=Singapore \
    --data-urlencode event_country=SG \
    --data-urlencode event_participants=120 --data-urlencode event_countries=15 \
    --data-urlencode "event_organisers=Singapore Academy of Law
ASEAN Secretariat" \
    --data-urlencode "event_sponsors=Government of Australia
Open Society Legal Fund" \
    --data-urlencode "delegation_from=Attorney General's Chambers" \
    --data-urlencode "member_role=legal counsel" --data-urlencode "member_department=Attorney General's Chambers" \
    --data-urlencode member_count=3 --data-urlencode member_names= \
    --data-urlencode "member_role=judicial officer" --data-urlencode "member_department=State Judiciary Department" \
    --data-urlencode member_count=1 --data-urlencode member_names= \
    --data-urlencode action=submit
status_is 303 "the editor saves a release with a new event and submits it for review: 303"
loc=$(hdr Location)
ID=$(done_id submit)
check "... to /admin/releases/ID?done=submit" eval '[ -n "$ID" ] || { diag "Location: $loc"; false; }'
check "the release waits for review (status submitted, submitted by editor1)" \
    sql_is "submitted|editor1" "SELECT r.status, u.name FROM releases r JOIN users u ON u.id = r.submitted_by WHERE r.id = ${ID:-0}"
http GET /
check "a release waiting for review is not listed on /" eval '[ "$STATUS" = 200 ] && lacks "$TITLE"'
http GET "/admin/releases/$ID?done=submit" -b "$ED"
body_has "the editor's page says it was submitted and shows the status" "Saved and submitted for review." "Awaiting review"
check "... and offers the editor who submitted it no Approve button" eval '! grep -q "value=\"approve\"" "$BODY"'

# A second person, admin1, approves and publishes it.
login "$ADM" admin1 admin-one-password
status_is 303 "admin1 logs in"
check "admin1 approves the release: 303 to ?done=approve" wf_step "$ADM" "${ID:-0}" approve
check "the release is approved by admin1" \
    sql_is "approved|admin1" "SELECT r.status, u.name FROM releases r JOIN users u ON u.id = r.reviewed_by WHERE r.id = ${ID:-0}"
http GET "/admin/releases/$ID?done=approve" -b "$ADM"
cp "$BODY" "$TMP/authoring-approved.html"
body_has "admin1's page says it was approved and offers Publish with its schedule fields" "Approved." \
    'value="publish"' 'name="publish_at"' 'name="withdraw_at"'
labels_ok "$TMP/authoring-approved.html" "the edit page with the publish panel and comments"
http GET /
check "an approved release is not listed on / before it is published" eval '[ "$STATUS" = 200 ] && lacks "$TITLE"'
check "admin1 publishes the release: 303 to ?done=publish" wf_step "$ADM" "${ID:-0}" publish
check "the release is now published" sql_is published "SELECT status FROM releases WHERE id = ${ID:-0}"

# The save above reused two organisations that already existed (Attorney General's Chambers,
# State Judiciary Department). Afterwards every worker must still see what is written later:
# a user added by pressroomctl logs in, and that session works on every worker.
echo 'reader-one-password' | "$PRESSROOMCTL" -d "$DB" user add reader1 --role author >>"$CTL_LOG" 2>&1
login "$TMP/authoring-reader1.jar" reader1 reader-one-password
seen=$STATUS
for i in 1 2 3 4 5 6; do
	http GET /admin -b "$TMP/authoring-reader1.jar"
	seen="$seen $STATUS"
done
check "after a save that reused existing organisations, every worker sees later writes (login + 6 x GET /admin: $seen)" \
    test "$seen" = "303 200 200 200 200 200 200"
# If a worker was left on an old snapshot, fresh workers keep the tests below meaningful.
check "SIGHUP to pressroom replaces every worker" reload_workers

http GET "/admin/releases/$ID?done=publish" -b "$ED"
status_is 200 "the published release opens in the form"
body_has "the form says it was published and links to the public page" "Published." "This release is public at"

http GET /
body_has "the published release is listed on /" "$TITLE"
url=$(link_to "$BODY" "$TITLE")
check "/ links to the release under /news/YYYY/MM/" eval 'echo "$url" | grep -q "^/news/[0-9]\{4\}/[0-9][0-9]/chambers-attends-singapore"'

http GET "$url"
status_is 200 "the new release's public page answers 200"
body_has "the release page shows its title and the Markdown body as HTML" \
    "<h1 lang=\"en\">$TITLE</h1>" "<strong>Singapore</strong>" "<h2>Topics</h2>" "<li>Extradition practice</li>"
body_has "the event box shows the new event: dates, kind, place" \
    "10-12 March 2025" "conference" "Singapore, Singapore" "Maxwell Chambers"
body_has "the event box names both organisers and both sponsors" \
    "Singapore Academy of Law" "ASEAN Secretariat" "Government of Australia" "Open Society Legal Fund"
body_has "the event box shows the delegation rows" \
    "Our delegation" "3 legal counsels, Attorney General" "1 judicial officer, State Judiciary Department"
check "the event box shows 120 participants and 15 countries" eval \
    'grep -Eq "Participants</dt><dd>(about )?120</dd>" "$BODY" && grep -q "Countries represented</dt><dd>15</dd>" "$BODY"'
event_url=$(sed -n 's/.*<p class="event-title"><a href="\([^"]*\)".*/\1/p' "$BODY" | head -1)
check "the event box links to the new event's page" eval 'case "$event_url" in /events/?*) true ;; *) false ;; esac'

http GET "$event_url"
status_is 200 "the new event's page answers 200"
body_has "the event page lists the release and shows the delegation" "$TITLE" "href=\"$url\"" "3 legal counsels"

# A draft by author1.
DRAFT="Draft note on the visit to The Hague"
DRAFT_MD="First paragraph of the draft.

- point one
- point two"
login "$A1" author1 author-one-password
http GET /admin/releases/new -b "$A1"
check "an author's form has no Publish button but can submit for review" eval \
    '[ "$STATUS" = 200 ] && ! grep -q "value=\"publish\"" "$BODY" && grep -q "value=\"submit\"" "$BODY"'
form_post "$A1" /admin/releases/new /admin/releases --data-urlencode "title=$DRAFT" \
    --data-urlencode "summary=Not yet." --data-urlencode "body=$DRAFT_MD" --data-urlencode event_id= \
    --data-urlencode action=save
status_is 303 "author1 saves a draft: 303"
DID=$(done_id save)
check "... to /admin/releases/ID?done=save" eval '[ -n "$DID" ] || { diag "Location: $(hdr Location)"; false; }'
check "the draft is stored with status draft" sql_is draft "SELECT status FROM releases WHERE id = ${DID:-0}"
slug=$(sql "SELECT slug FROM releases WHERE id = ${DID:-0}")

http GET /
check "the draft is not listed on /" lacks "$DRAFT"
http GET "/news/$(TZ=Asia/Brunei date +%Y/%m)/$slug"
status_is 404 "the draft's URL under /news/ answers 404"
http GET "/news/2025/02/$slug"
status_is 404 "the draft's slug under another month answers 404 too (no redirect)"

http GET /admin -b "$A1"
body_has "author1's dashboard lists the draft" "$DRAFT" "Draft"

login "$A2" author2 author-two-password
http GET "/admin/releases/$DID" -b "$A2"
status_is 404 "author2 opening author1's draft gets 404"
check "... and the 404 does not show the draft" lacks "$DRAFT"
form_post "$A2" /admin/releases/new "/admin/releases/$DID" --data-urlencode "title=Taken over by author2" \
    --data-urlencode "body=Overwritten" --data-urlencode version=1 --data-urlencode action=save
status_is 404 "author2 posting to author1's draft gets 404"
check "... and the draft is unchanged" sql_is "$DRAFT" "SELECT title FROM releases WHERE id = ${DID:-0}"
http GET /admin -b "$A2"
check "author2's dashboard does not list author1's draft" eval '[ "$STATUS" = 200 ] && lacks "$DRAFT"'

form_post "$A2" /admin/releases/new "/admin/releases/$DID/workflow" --data-urlencode version=1 \
    --data-urlencode action=submit
status_is 404 "author2 submitting author1's draft for review gets 404"
check "... and it stays a draft" sql_is draft "SELECT status FROM releases WHERE id = ${DID:-0}"

# An author cannot publish alone: not from the workflow, not with an old-style action=publish.
for a in publish override approve; do
	wf "$A1" "${DID:-0}" $a
	status_is 403 "author1 taking the step $a on their own draft gets 403"
done
check "... and it stays a draft" sql_is draft "SELECT status FROM releases WHERE id = ${DID:-0}"
form_post "$A1" "/admin/releases/$DID" "/admin/releases/$DID" --data-urlencode "title=$DRAFT" \
    --data-urlencode "body=$DRAFT_MD" --data-urlencode version="$(sql "SELECT version FROM releases WHERE id = ${DID:-0}")" \
    --data-urlencode action=publish
check "author1 posting the form with the old action=publish does not publish (got $STATUS)" \
    sql_is draft "SELECT status FROM releases WHERE id = ${DID:-0}"
form_post "$A1" /admin/releases/new /admin/releases --data-urlencode "title=Straight to the public" \
    --data-urlencode "body=No second pair of eyes." --data-urlencode action=publish
check "author1 creating a release with action=publish publishes nothing (got $STATUS)" \
    sql_is 0 "SELECT count(*) FROM releases WHERE title = 'Straight to the public' AND status NOT IN ('draft')"
http GET /
check "... and it is not listed on /" lacks "Straight to the public"

# The editor opens author1's draft and submits it, sending the form back as a browser would.
http GET "/admin/releases/$DID" -b "$ED"
status_is 200 "the editor opens author1's draft"
cp "$BODY" "$TMP/authoring-draft.html"
check "the editor's form shows the draft's title" eval '[ "$(field_value "$TMP/authoring-draft.html" title)" = "$DRAFT" ]'
shown=$(field_value "$TMP/authoring-draft.html" body)
check "the edit form shows the stored Markdown body unchanged, line breaks included" \
    eval '[ "$shown" = "$DRAFT_MD" ] || { diag "textarea holds: $(echo "$shown" | head -3)"; false; }'
version=$(version_in "$TMP/authoring-draft.html")
http POST "/admin/releases/$DID" -b "$ED" --data-urlencode "csrf=$(csrf_in "$TMP/authoring-draft.html")" \
    --data-urlencode "version=$version" \
    --data-urlencode "title=$(field_value "$TMP/authoring-draft.html" title)" \
    --data-urlencode "summary=$(field_value "$TMP/authoring-draft.html" summary)" \
    --data-urlencode "body=$shown" --data-urlencode event_id= --data-urlencode action=submit
status_is 303 "the editor saves author1's draft and submits it: 303"
check "... to ?done=submit" eval '[ "$(done_id submit)" = "$DID" ]'
check "the release waits for review" sql_is submitted "SELECT status FROM releases WHERE id = ${DID:-0}"
wf "$ED" "${DID:-0}" approve
status_is 403 "the editor who submitted it may not approve it (403)"
check "admin1 approves and publishes author1's release" approve_publish "$ADM" "${DID:-0}"
check "the release is now published" sql_is published "SELECT status FROM releases WHERE id = ${DID:-0}"
http GET /
body_has "author1's release is now listed on /" "$DRAFT"
durl=$(link_to "$BODY" "$DRAFT")
http GET "$durl"
status_is 200 "author1's release has a public page"
check "its body kept its Markdown list through the edit form (<li>point one</li>)" has "<li>point one</li>"

# Once public, author1's save is the next edition: the public page does not change until it is reviewed.
http GET "/admin/releases/$DID" -b "$A1"
status_is 200 "author1 opens their published release"
body_has "... which shows it is published and where" "Published" "This release is public at"
form_post "$A1" "/admin/releases/$DID" "/admin/releases/$DID" --data-urlencode "title=$DRAFT" \
    --data-urlencode "body=Rewritten by author1 alone, marker-a1-edit." \
    --data-urlencode "version=$(version_in "$BODY")" --data-urlencode "change_note=Rewrote it" \
    --data-urlencode action=save
status_is 303 "author1 saves a change to their published release (the next edition): 303"
wf "$A1" "${DID:-0}" publish
status_is 403 "author1 publishing that edition gets 403"
http GET "$durl"
check "the public page still shows the reviewed text, not author1's unreviewed edit" \
    eval '[ "$STATUS" = 200 ] && has "<li>point one</li>" && lacks "marker-a1-edit"'
