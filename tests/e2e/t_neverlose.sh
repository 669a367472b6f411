# t_neverlose: no typed work is lost: double submits, two people saving at once, a session that ends mid-edit.

NJ="$TMP/neverlose-author.jar" NE="$TMP/neverlose-editor.jar" NA="$TMP/neverlose-admin.jar"
: > "$NJ"; : > "$NE"; : > "$NA"
login "$NJ" author2 author-two-password
login "$NE" editor1 editor-one-password
login "$NA" admin1 admin-one-password

# A double click: the same new-release form sent twice makes one release.
http GET /admin/releases/new -b "$NJ"
tok=$(csrf_in "$BODY")
key=$(sed -n 's/.*name="form_key" value="\([0-9a-f]*\)".*/\1/p' "$BODY" | head -1)
check "the new-release form carries a form key" test ${#key} -eq 64
TITLE_DS="Double submit test release $$"
for _n in 1 2; do
	http POST /admin/releases -b "$NJ" --data-urlencode "csrf=$tok" --data-urlencode "form_key=$key" \
	    --data-urlencode "title=$TITLE_DS" --data-urlencode "body=Sent twice." --data-urlencode action=save
	eval "_loc$_n=\$(hdr Location)"
done
check "both submits answer 303 to the same release ($_loc1)" eval '[ -n "$_loc1" ] && [ "$_loc1" = "$_loc2" ]'
check "the double submit made one row" eval '[ "$(sql "SELECT count(*) FROM releases WHERE title = '"'"'$TITLE_DS'"'"'")" = 1 ]'
NID=$(echo "$_loc1" | sed -n 's|.*/admin/releases/\([0-9]*\).*|\1|p')

# Two people at once: the second save gets a conflict page with both versions, and keeps its text.
http GET "/admin/releases/$NID" -b "$NE"
etok=$(csrf_in "$BODY")
ver=$(sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p' "$BODY" | head -1)
http GET "/admin/releases/$NID" -b "$NA"
atok=$(csrf_in "$BODY")
http POST "/admin/releases/$NID" -b "$NE" --data-urlencode "csrf=$etok" --data-urlencode "version=$ver" \
    --data-urlencode "title=Editor's wording $$" --data-urlencode "body=The editor's body." --data-urlencode action=save
status_is 303 "the first of two concurrent saves goes through"
http POST "/admin/releases/$NID" -b "$NA" --data-urlencode "csrf=$atok" --data-urlencode "version=$ver" \
    --data-urlencode "title=Admin's wording $$" --data-urlencode "body=The admin's own body text." --data-urlencode action=save
status_is 409 "the second save, made against the old version, answers 409"
body_has "the conflict page shows their version and keeps what was typed" "Their version" \
    "Editor&#39;s wording $$" "The admin&#39;s own body text."
check "the first save was not overwritten" \
    eval '[ "$(sql "SELECT body FROM releases WHERE id = $NID")" = "The editor'"'"'s body." ]'

# A session that ends mid-edit: the form is parked, and comes back after the login.
http GET "/admin/releases/$NID" -b "$NJ"
jtok=$(csrf_in "$BODY")
sql "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE name = 'author2')"
http POST "/admin/releases/$NID" -b "$NJ" -c "$NJ" --data-urlencode "csrf=$jtok" \
    --data-urlencode "title=Typed while the session ended $$" --data-urlencode "body=Every word of this must survive." \
    --data-urlencode action=save
status_is 303 "a form posted after the session ended answers 303"
check "... to the login, with the form's page as next ($(hdr Location))" \
    eval 'hdr Location | grep -q "/login?next=/admin/releases/$NID$"'
check "... and parks the form behind a cookie" eval 'hdr_all Set-Cookie | grep -q "^pr_parked=[0-9a-f]\{64\}"'
login "$NJ" author2 author-two-password
status_is 303 "logging in again answers 303"
http GET "/admin/releases/$NID" -b "$NJ" -c "$NJ"
status_is 200 "the form opens again"
body_has "the form holds everything typed before the session ended" "Typed while the session ended $$" \
    "Every word of this must survive." "Your session had ended"
http GET "/admin/releases/$NID" -b "$NJ" -c "$NJ"
check "the parked form is handed back once" lacks "Every word of this must survive."
