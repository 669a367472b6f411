# t_history: every save is a version: the history list, the diff between two versions, restoring an old one.

. tests/e2e/workflow_lib.sh

A1="$TMP/history-author1.jar" A2="$TMP/history-author2.jar" ED="$TMP/history-editor.jar"
H_TITLE="Chambers receives a delegation from the Philippine Department of Justice"
H_EVENT=$(sql "SELECT id FROM events WHERE slug = 'regional-workshop-trafficking-forced-criminality-2025'")
H_V1="The delegation arrived on Monday.

Talks covered extradition."
H_V2="The delegation arrived on Monday.

Talks covered extradition and mutual legal assistance.

A joint statement was signed."
H_V3="$H_V2

The next meeting is planned for Manila."

# hist_save JAR ID TITLE BODY EVENT: opens the release's form for its token and version, then saves it.
hist_save() {
	http GET "/admin/releases/$2" -b "$1"
	_tok=$(csrf_in "$BODY") _ver=$(version_in "$BODY")
	http POST "/admin/releases/$2" -b "$1" --data-urlencode "csrf=$_tok" --data-urlencode "version=$_ver" \
	    --data-urlencode "title=$3" --data-urlencode "summary=A visit about extradition." \
	    --data-urlencode "body=$4" --data-urlencode "event_id=$5" --data-urlencode action=save
}

login "$A1" author1 author-one-password
new_release "$A1" "$H_TITLE" save
HID=$NEW_ID
check "author1 saves a new release (version 1)" test -n "$HID"
HID=${HID:-0}
hist_save "$A1" "$HID" "$H_TITLE" "$H_V1" "$H_EVENT"
hist_save "$A1" "$HID" "$H_TITLE" "$H_V2" "$H_EVENT"
hist_save "$A1" "$HID" "$H_TITLE (revised)" "$H_V3" ""
status_is 303 "author1 saves it three more times, the last without the event"
check "the database holds versions 1 to 4 of it" \
    sql_is "1 2 3 4" "SELECT group_concat(version, ' ') FROM (SELECT version FROM release_revisions WHERE release_id = $HID ORDER BY version)"

http GET "/admin/releases/$HID/history" -b "$A1"
status_is 200 "GET /admin/releases/ID/history answers 200 for its author"
cp "$BODY" "$TMP/history-page.html"
check "the history lists four versions, each with a restore button" \
    eval '[ "$(grep -c ">Restore as new draft</button>" "$TMP/history-page.html")" = 4 ]'
body_has "each version links to its diff with the one before" \
    "/admin/releases/$HID/diff?from=1&amp;to=2\">Changes from version 1" \
    "/admin/releases/$HID/diff?from=3&amp;to=4\">Changes from version 3" "First version"
body_has "the history names who saved and the status after the save" "author1" "Draft"
check "the history shows the time of each save in the office's zone" \
    grep -q "$(TZ=Asia/Brunei date +'%-d %B %Y'), [0-9][0-9]:[0-9][0-9]</time>" "$TMP/history-page.html"
body_has "the history offers a form to compare any two versions, with labels" \
    'action="/admin/releases/'"$HID"'/diff"' '<label for="from">' '<label for="to">'
html_valid "the history page"

http GET "/admin/releases/$HID/diff?from=2&to=3" -b "$A1"
status_is 200 "GET /admin/releases/ID/diff?from=2&to=3 answers 200"
cp "$BODY" "$TMP/history-diff.html"
body_has "the diff shows the inserted body lines as <ins> with a visible +" \
    '<ins><span class="diff-mark">+</span> Talks covered extradition and mutual legal assistance.</ins>' \
    '<ins><span class="diff-mark">+</span> A joint statement was signed.</ins>'
body_has "the diff shows the deleted body line as <del> with a visible minus" \
    '<del><span class="diff-mark">&minus;</span> Talks covered extradition.</del>'
body_has "the diff keeps unchanged lines unmarked and explains the marks in words" \
    '<span class="diff-mark">&nbsp;</span> The delegation arrived on Monday.' 'is new in version 3' 'is gone'
body_has "fields that did not change say so" "No change."
html_valid "the diff page"

http GET "/admin/releases/$HID/diff?from=3&to=4" -b "$A1"
body_has "a diff shows a changed title and a removed event" \
    "<del><span class=\"diff-mark\">&minus;</span> $H_TITLE</del>" \
    "<ins><span class=\"diff-mark\">+</span> $H_TITLE (revised)</ins>" \
    "<ins><span class=\"diff-mark\">+</span> No event</ins>"

http GET "/admin/releases/$HID/diff?from=1&to=abc" -b "$A1"
status_is 400 "a diff with a version that is not a number answers 400"
http GET "/admin/releases/$HID/diff?from=1" -b "$A1"
status_is 400 "a diff without a to version answers 400"
http GET "/admin/releases/$HID/diff?from=1&to=99" -b "$A1"
status_is 404 "a diff with a version the release does not have answers 404"

# Restore version 3 (from the history page, as a browser would), then save it.
http POST "/admin/releases/$HID/restore" -b "$A1" --data-urlencode "csrf=$(csrf_in "$TMP/history-page.html")" \
    --data-urlencode version=3
status_is 303 "POST /admin/releases/ID/restore with version=3 answers 303"
check "... to /admin/releases/ID/restored?version=3" \
    eval '[ "$(hdr Location)" = "/admin/releases/$HID/restored?version=3" ]'
http GET "/admin/releases/$HID/restored?version=3" -b "$A1"
status_is 200 "the restored form answers 200"
cp "$BODY" "$TMP/history-restored.html"
body_has "the restored form says where its text came from" \
    "Restored from version 3; save to make it the new draft." 'action="/admin/releases/'"$HID"'"'
check "the restored form holds version 3's body" eval '[ "$(field_value "$TMP/history-restored.html" body)" = "$H_V2" ]'
check "the restored form holds version 3's title" eval '[ "$(field_value "$TMP/history-restored.html" title)" = "$H_TITLE" ]'
check "the restored form carries the release's current version (4), not the restored one" \
    eval '[ "$(version_in "$TMP/history-restored.html")" = 4 ]'
check "version 3's event is selected again" grep -q "<option value=\"$H_EVENT\" selected>" "$TMP/history-restored.html"
check "restoring saved nothing by itself" sql_is 4 "SELECT max(version) FROM release_revisions WHERE release_id = $HID"

http POST "/admin/releases/$HID" -b "$A1" --data-urlencode "csrf=$(csrf_in "$TMP/history-restored.html")" \
    --data-urlencode "version=$(version_in "$TMP/history-restored.html")" \
    --data-urlencode "title=$(field_value "$TMP/history-restored.html" title)" \
    --data-urlencode "summary=$(field_value "$TMP/history-restored.html" summary)" \
    --data-urlencode "body=$(field_value "$TMP/history-restored.html" body)" \
    --data-urlencode "event_id=$H_EVENT" --data-urlencode action=save
status_is 303 "saving the restored form answers 303"
check "the save made version 5 with version 3's text" \
    eval '[ "$(sql "SELECT body FROM release_revisions WHERE release_id = $HID AND version = 5")" = "$H_V2" ]'
check "the release's text is version 3's again" \
    eval '[ "$(sql "SELECT body FROM releases WHERE id = $HID")" = "$H_V2" ]'
http GET "/admin/releases/$HID/diff?from=3&to=5" -b "$A1"
body_has "the diff of version 3 and its restored copy shows no change at all" "No change."
check "... in any of its four fields" eval '[ "$(grep -c "<p>No change.</p>" "$BODY")" = 4 ]'

http GET "/admin/releases/$HID/restored?version=x" -b "$A1"
status_is 400 "the restored form for a version that is not a number answers 400"
http GET "/admin/releases/$HID/restored?version=77" -b "$A1"
status_is 404 "the restored form for a version the release does not have answers 404"
http GET "/admin/releases/$HID/restore" -b "$A1"
status_is 405 "GET on the restore address answers 405"

login "$A2" author2 author-two-password
http GET "/admin/releases/$HID/history" -b "$A2"
status_is 404 "author2 asking for author1's history gets 404"
check "... which does not show its title" lacks "$H_TITLE"
http GET "/admin/releases/$HID/diff?from=1&to=2" -b "$A2"
status_is 404 "author2 asking for a diff of author1's release gets 404"
http GET "/admin/releases/$HID/restored?version=1" -b "$A2"
status_is 404 "author2 asking for a restored form of author1's release gets 404"
form_post "$A2" /admin /admin/releases/$HID/restore --data-urlencode version=1
status_is 404 "author2 restoring author1's release gets 404"

login "$ED" editor1 editor-one-password
http GET "/admin/releases/$HID/history" -b "$ED"
status_is 200 "an editor sees the history of anyone's release"
http GET "/admin/releases/999999/history" -b "$ED"
status_is 404 "the history of a release that does not exist answers 404"
http GET "/admin/releases/$HID/history"
status_is 303 "the history sends a stranger to the login form"
