# t_preview: staff see a release as the public will; shareable preview links: no login, counted, revoked, expired.

. tests/e2e/workflow_lib.sh

A1="$TMP/preview-author1.jar" A2="$TMP/preview-author2.jar" ED="$TMP/preview-editor.jar"
P_TITLE="Chambers prepares a guide on trafficking for forced criminality"
P_EVENT=$(sql "SELECT id FROM events WHERE slug = 'regional-workshop-trafficking-forced-criminality-2025'")
P_EVENT_TITLE=$(sql "SELECT title FROM events WHERE id = ${P_EVENT:-0}")

# link_token: the 64-hex token of the preview address in the last body ("" if none).
link_token() {
	sed -n 's|.*value="[^"]*/preview/\([0-9a-f]\{64\}\)".*|\1|p' "$BODY" | head -1
}

# make_link JAR ID [curl options...]: POSTs the preview page's link form; sets TOKEN and LINK_ID.
make_link() {
	_jar=$1 _id=$2
	shift 2
	form_post "$_jar" "/admin/releases/$_id/preview" "/admin/releases/$_id/preview-links" "$@"
	TOKEN=$(link_token)
	LINK_ID=$(sql "SELECT max(id) FROM preview_links WHERE release_id = $_id")
}

login "$A1" author1 author-one-password
new_release "$A1" "$P_TITLE" save
PID=${NEW_ID:-0}
http GET "/admin/releases/$PID" -b "$A1"
http POST "/admin/releases/$PID" -b "$A1" --data-urlencode "csrf=$(csrf_in "$BODY")" \
    --data-urlencode "version=$(version_in "$BODY")" --data-urlencode "title=$P_TITLE" \
    --data-urlencode "summary=A guide for prosecutors is being written." \
    --data-urlencode "body=The guide covers **victim identification** first." \
    --data-urlencode "event_id=$P_EVENT" --data-urlencode action=save
status_is 303 "author1 saves a draft about the demo event"

http GET "/admin/releases/$PID/preview" -b "$A1"
status_is 200 "GET /admin/releases/ID/preview answers 200 for the author"
cp "$BODY" "$TMP/preview-staff.html"
body_has "the preview looks like the public page: title, summary, rendered body" \
    '<p class="kicker">Press release</p>' "<h1 lang=\"en\">$P_TITLE</h1>" "A guide for prosecutors is being written." \
    "<strong>victim identification</strong>"
body_has "the preview shows the event box" 'class="event-box"' "$P_EVENT_TITLE" "Bangkok"
body_has "the preview carries a banner saying it is not public" "Preview: this page is not public."
check "the preview is sent with X-Robots-Tag: noindex" eval 'hdr X-Robots-Tag | grep -q noindex'
check "the link form's days field has a <label for>" grep -q '<label for="days">' "$TMP/preview-staff.html"
html_valid "the preview page" "$TMP/preview-staff.html"

slug=$(sql "SELECT slug FROM releases WHERE id = $PID")
http GET "/news/$(TZ=Asia/Brunei date +%Y/%m)/$slug"
status_is 404 "the draft stays 404 at its /news/ address"

make_link "$A1" "$PID" --data-urlencode days=7
T1=$TOKEN L1=${LINK_ID:-0}
status_is 201 "POST /admin/releases/ID/preview-links answers 201"
body_has "the new link's full address is shown once" "$BASE/preview/$T1"
check "the token is 64 hex characters" eval '[ ${#T1} = 64 ]'
check "the token is not stored, only its hash" \
    sql_is 0 "SELECT count(*) FROM preview_links WHERE token_hash = '$T1' OR token_hash LIKE '%$T1%'"
check "the link expires 7 days after it was made" \
    sql_is 7 "SELECT CAST(round(julianday(expires_at) - julianday(created_at)) AS INT) FROM preview_links WHERE id = $L1"
check "making the link is in the audit log" \
    sql_is 1 "SELECT count(*) FROM audit_log WHERE action = 'preview_link_created' AND subject = 'release:$PID'"
http GET "/admin/releases/$PID/preview" -b "$A1"
check "the address is shown only once: the preview page does not show it again" lacks "$T1"

http GET "/preview/$T1"
status_is 200 "the preview link opens without a login"
body_has "the shared preview shows the release, the event box and the banner" \
    "<h1 lang=\"en\">$P_TITLE</h1>" "<strong>victim identification</strong>" 'class="event-box"' \
    "Preview: this page is not public." "This preview link works until"
check "the shared preview has no staff panel" lacks "preview-links"
check "the shared preview is sent with X-Robots-Tag: noindex" eval 'hdr X-Robots-Tag | grep -q noindex'
http GET "/preview/$T1"
check "each use is counted (2 uses) with its time" \
    sql_is "2|1" "SELECT uses, last_used_at IS NOT NULL FROM preview_links WHERE id = $L1"
check "each use is logged on stderr" eval '[ "$(grep -c "preview link $L1 of release $PID used" "$LOG")" = 2 ]'
check "each use is in the audit log" \
    sql_is 2 "SELECT count(*) FROM audit_log WHERE action = 'preview_used' AND subject = 'release:$PID'"
http GET "/admin/releases/$PID/preview" -b "$A1"
body_has "the staff preview lists the link with its uses and a revoke button" \
    "Link $L1</td>" "<td>2</td>" "Revoke link $L1"

make_link "$A1" "$PID" --data-urlencode days=0
status_is 422 "days=0 is refused with 422"
body_has "... naming the field" "Days must be a whole number in range"
make_link "$A1" "$PID" --data-urlencode days=31
status_is 422 "days over 30 is refused with 422"

form_post "$A1" "/admin/releases/$PID/preview" "/admin/releases/$PID/preview-links/$L1/revoke"
status_is 303 "revoking the link answers 303"
check "... back to the preview page" eval '[ "$(hdr Location)" = "/admin/releases/$PID/preview?revoked=$L1" ]'
check "revoking is in the audit log" \
    sql_is 1 "SELECT count(*) FROM audit_log WHERE action = 'preview_link_revoked' AND subject = 'release:$PID'"
http GET "/preview/$T1"
status_is 410 "a revoked link answers 410"
check "... without showing the release" lacks "$P_TITLE"
check "... and the refused use is not counted" sql_is 2 "SELECT uses FROM preview_links WHERE id = $L1"
form_post "$A1" "/admin/releases/$PID/preview" "/admin/releases/$PID/preview-links/$L1/revoke"
status_is 404 "revoking it again answers 404"

make_link "$A1" "$PID"
check "a link made without days works for the default 7 days" \
    sql_is 7 "SELECT CAST(round(julianday(expires_at) - julianday(created_at)) AS INT) FROM preview_links WHERE id = ${LINK_ID:-0}"
http GET "/preview/$TOKEN"
status_is 200 "the second link works"
sql "UPDATE preview_links SET expires_at = '2020-01-01T00:00:00Z' WHERE id = ${LINK_ID:-0}"
http GET "/preview/$TOKEN"
status_is 410 "a link whose expiry has passed answers 410"
http GET "/preview/$(echo "$TOKEN" | tr '0-9a-f' 'a-f0-9')"
status_is 404 "an unknown token answers 404"
http GET "/preview/not-a-token"
status_is 404 "a malformed token answers 404"

login "$A2" author2 author-two-password
http GET "/admin/releases/$PID/preview" -b "$A2"
status_is 404 "author2 asking for a preview of author1's draft gets 404"
form_post "$A2" /admin "/admin/releases/$PID/preview-links"
status_is 404 "author2 making a link to author1's draft gets 404"
make_link "$A1" "$PID"
form_post "$A2" /admin "/admin/releases/$PID/preview-links/$LINK_ID/revoke"
status_is 404 "author2 revoking a link to author1's draft gets 404"
check "... and the link still works" eval 'http GET "/preview/$TOKEN"; [ "$STATUS" = 200 ]'

login "$ED" editor1 editor-one-password
http GET "/admin/releases/$PID/preview" -b "$ED"
status_is 200 "an editor previews anyone's release"
http GET "/admin/releases/$PID/preview"
status_is 303 "the staff preview sends a stranger to the login form"

# A published release's next edition: the preview shows the edition, the public page the live text.
new_release "$ED" "Chambers publishes its annual report on mutual legal assistance" submit
EID=${NEW_ID:-0}
login "$TMP/preview-admin.jar" admin1 admin-one-password
approve_publish "$TMP/preview-admin.jar" "$EID"
check "an editor's release is approved and published by an admin" sql_is published "SELECT status FROM releases WHERE id = $EID"
http GET "/admin/releases/$EID" -b "$ED"
http POST "/admin/releases/$EID" -b "$ED" --data-urlencode "csrf=$(csrf_in "$BODY")" \
    --data-urlencode "version=$(version_in "$BODY")" \
    --data-urlencode "title=Chambers publishes its annual report on mutual legal assistance" \
    --data-urlencode "summary=Second edition." --data-urlencode "body=The second edition adds the statistics." \
    --data-urlencode event_id= --data-urlencode "change_note=Added the statistics" --data-urlencode action=save
status_is 303 "the editor saves a next edition of the published release"
http GET "/admin/releases/$EID/preview" -b "$ED"
body_has "the staff preview shows the next edition's text" "The second edition adds the statistics."
http GET "$(public_url "$EID")"
check "the public page still shows the published text" eval \
    '[ "$STATUS" = 200 ] && has "Body of the release: Chambers publishes" && lacks "The second edition"'
