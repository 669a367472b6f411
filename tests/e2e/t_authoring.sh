# t_authoring: writing releases: the form's labels, publishing with a new event, drafts, who may see and publish what.

ED="$TMP/authoring-editor.jar" A1="$TMP/authoring-author1.jar" A2="$TMP/authoring-author2.jar"
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
# Every form control with an id needs a <label for=that id>.
ids=$(grep -oE '<(input|select|textarea)[^>]*>' "$TMP/authoring-form.html" | sed -n 's/.* id="\([^"]*\)".*/\1/p')
unlabelled=""
for id in $ids; do
	grep -qF "<label for=\"$id\"" "$TMP/authoring-form.html" || unlabelled="$unlabelled $id"
done
check "every input, select and textarea of the release form ($(echo $ids | wc -w) with ids) has a <label for>" \
    eval '[ -n "$ids" ] && [ -z "$unlabelled" ] || { diag "unlabelled:$unlabelled"; false; }'
check "the release form offers member rows as repeated fields" grep -q 'name="member_role"' "$TMP/authoring-form.html"
check "the editor's form has a Publish button" grep -q 'value="publish"' "$TMP/authoring-form.html"

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
    --data-urlencode action=publish
status_is 303 "the editor publishes a release with a new event: 303"
loc=$(hdr Location)
ID=$(echo "$loc" | sed -n 's|.*/admin/releases/\([0-9][0-9]*\)?saved=published$|\1|p')
check "... to /admin/releases/ID?saved=published" eval '[ -n "$ID" ] || { diag "Location: $loc"; false; }'

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

http GET "/admin/releases/$ID?saved=published" -b "$ED"
status_is 200 "the saved release opens in the form"
body_has "the form says it was published and links to the public page" "Published" "This release is public at"

http GET /
body_has "the published release is listed on /" "$TITLE"
url=$(link_to "$BODY" "$TITLE")
check "/ links to the release under /news/YYYY/MM/" eval 'echo "$url" | grep -q "^/news/[0-9]\{4\}/[0-9][0-9]/chambers-attends-singapore"'

http GET "$url"
status_is 200 "the new release's public page answers 200"
body_has "the release page shows its title and the Markdown body as HTML" \
    "<h1>$TITLE</h1>" "<strong>Singapore</strong>" "<h2>Topics</h2>" "<li>Extradition practice</li>"
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
check "an author's form has no Publish button" eval '[ "$STATUS" = 200 ] && ! grep -q "value=\"publish\"" "$BODY"'
form_post "$A1" /admin/releases/new /admin/releases --data-urlencode "title=$DRAFT" \
    --data-urlencode "summary=Not yet." --data-urlencode "body=$DRAFT_MD" --data-urlencode event_id= \
    --data-urlencode action=save
status_is 303 "author1 saves a draft: 303"
DID=$(hdr Location | sed -n 's|.*/admin/releases/\([0-9][0-9]*\)?saved=draft$|\1|p')
check "... to /admin/releases/ID?saved=draft" eval '[ -n "$DID" ] || { diag "Location: $(hdr Location)"; false; }'
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

form_post "$A1" "/admin/releases/$DID" "/admin/releases/$DID" --data-urlencode "title=$DRAFT" \
    --data-urlencode "body=$DRAFT_MD" --data-urlencode version=1 --data-urlencode action=publish
status_is 403 "author1 publishing their own draft gets 403"
check "... and it stays a draft" sql_is draft "SELECT status FROM releases WHERE id = ${DID:-0}"
before=$(sql "SELECT count(*) FROM releases")
form_post "$A1" /admin/releases/new /admin/releases --data-urlencode "title=Straight to the public" \
    --data-urlencode "body=No second pair of eyes." --data-urlencode action=publish
status_is 403 "author1 creating a release with action=publish gets 403"
check "... and nothing is saved" sql_is "$before" "SELECT count(*) FROM releases"

# The editor opens author1's draft and publishes it, sending the form back as a browser would.
http GET "/admin/releases/$DID" -b "$ED"
status_is 200 "the editor opens author1's draft"
cp "$BODY" "$TMP/authoring-draft.html"
check "the editor's form shows the draft's title" eval '[ "$(field_value "$TMP/authoring-draft.html" title)" = "$DRAFT" ]'
shown=$(field_value "$TMP/authoring-draft.html" body)
check "the edit form shows the stored Markdown body unchanged, line breaks included" \
    eval '[ "$shown" = "$DRAFT_MD" ] || { diag "textarea holds: $(echo "$shown" | head -3)"; false; }'
version=$(sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p' "$TMP/authoring-draft.html")
http POST "/admin/releases/$DID" -b "$ED" --data-urlencode "csrf=$(csrf_in "$TMP/authoring-draft.html")" \
    --data-urlencode "version=$version" \
    --data-urlencode "title=$(field_value "$TMP/authoring-draft.html" title)" \
    --data-urlencode "summary=$(field_value "$TMP/authoring-draft.html" summary)" \
    --data-urlencode "body=$shown" --data-urlencode event_id= --data-urlencode action=publish
status_is 303 "the editor publishes author1's draft: 303"
check "... to ?saved=published" eval 'hdr Location | grep -q "/admin/releases/$DID?saved=published$"'
check "the release is now published" sql_is published "SELECT status FROM releases WHERE id = ${DID:-0}"
http GET /
body_has "author1's release is now listed on /" "$DRAFT"
durl=$(link_to "$BODY" "$DRAFT")
http GET "$durl"
status_is 200 "author1's release has a public page"
check "its body kept its Markdown list through the edit form (<li>point one</li>)" has "<li>point one</li>"
http GET "/admin/releases/$DID" -b "$A1"
status_is 403 "author1 may no longer edit the published release (403)"
