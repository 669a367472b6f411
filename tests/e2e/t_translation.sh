# t_translation: a release's Malay version, added from its page: its own text and review, the
# original's event, and each public page linking the other by name in its own language.
. tests/e2e/workflow_lib.sh

TA="$TMP/translation-author.jar" TE1="$TMP/translation-editor1.jar" TE2="$TMP/translation-admin1.jar"
login "$TA" author1 author-one-password
login "$TE1" editor1 editor-one-password
login "$TE2" admin1 admin-one-password
TEV=$(sql "SELECT id FROM events ORDER BY id LIMIT 1")

ET="Chambers at the regional workshop, in two languages $$"
NR_EVENT=$TEV new_release "$TA" "$ET" submit
EID=${NEW_ID:-0}
approve_publish "$TE1" "$EID"
check "an English release is written, reviewed and published" wf_done publish "$EID"
EURL=$(public_url "$EID")
http GET "$EURL"
check "a release in one language links no other version and has no hreflang alternates" \
    eval '! has "other-language" && ! has "hreflang"'

http GET "/admin/releases/$EID" -b "$TA"
check "its page offers to add the Bahasa Melayu version" \
    has "<a href=\"/admin/releases/new?translation_of=$EID\">Add the Bahasa Melayu version</a>"
http GET "/admin/releases/new?translation_of=$EID" -b "$TA" -c "$TA"
check "the translation form shows the original's text, takes Bahasa Melayu, and keeps the event" eval '
    has "The original, in English" && has "name=\"translation_of\" value=\"$EID\"" &&
    grep -q "value=\"ms\" lang=\"ms\" selected" "$BODY" && has "shares the event of the original" &&
    ! has "<legend>The event</legend>"'

MT="Dewan Peguam di bengkel serantau, dalam dua bahasa $$"
_tok=$(csrf_in "$BODY")
_key=$(sed -n 's/.*name="form_key" value="\([^"]*\)".*/\1/p' "$BODY" | head -1)
http POST /admin/releases -b "$TA" -c "$TA" --data-urlencode "csrf=$_tok" --data-urlencode "form_key=$_key" \
    --data-urlencode "translation_of=$EID" --data-urlencode "title=$MT" \
    --data-urlencode "summary=Ringkasan dalam Bahasa Melayu." --data-urlencode "body=Teks penuh kenyataan ini." \
    --data-urlencode "action=submit"
MID=$(done_id submit)
check "the author saves and submits the Malay version" test -n "$MID"
check "... a release of its own, in Malay, naming its original and sharing its event" \
    sql_is "ms|$EID|$TEV" "SELECT language, translation_of, event_id FROM releases WHERE id = ${MID:-0}"
wf "$TA" "${MID:-0}" approve
status_is 403 "its author cannot approve the translation: a second person reviews it too"
approve_publish "$TE2" "${MID:-0}"
check "another editor approves and publishes the Malay version" wf_done publish "${MID:-0}"
MURL=$(public_url "${MID:-0}")

http GET "$EURL"
check "the English page links the Malay version by its name in Malay, with hreflang" \
    has "<a href=\"$MURL\" hreflang=\"ms\" lang=\"ms\">Baca dalam Bahasa Melayu</a>"
check "... and names both versions as hreflang alternates in its head" \
    eval 'has "<link rel=\"alternate\" hreflang=\"ms\" href=\"$BASE$MURL\">" &&
    has "<link rel=\"alternate\" hreflang=\"en\" href=\"$BASE$EURL\">"'
http GET "$MURL"
check "the Malay page links the English version: Read in English" \
    has "<a href=\"$EURL\" hreflang=\"en\" lang=\"en\">Read in English</a>"
check "... its text marked as Malay" has "<h1 lang=\"ms\">$MT</h1>"
http GET "/api/v1/releases/$EID"
check "the API gives the English release's language and its Malay translation" eval 'python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d[\"language\"] == \"en\"
t = d[\"translations\"]
assert len(t) == 1 and t[0][\"language\"] == \"ms\" and t[0][\"id\"] == int(sys.argv[2]), t
assert t[0][\"url\"].endswith(sys.argv[3])
" "$BODY" "${MID:-0}" "$MURL"'

http GET /sitemap.xml
check "the sitemap pairs the two versions: each names both as xhtml:link alternates" eval 'python3 -c "
import sys, xml.etree.ElementTree as ET
S, X = \"{http://www.sitemaps.org/schemas/sitemap/0.9}\", \"{http://www.w3.org/1999/xhtml}\"
urls = {u.find(S + \"loc\").text: u for u in ET.parse(sys.argv[1]).getroot().findall(S + \"url\")}
want = {(\"en\", sys.argv[2]), (\"ms\", sys.argv[3])}
for loc in (sys.argv[2], sys.argv[3]):
    alts = {(l.get(\"hreflang\"), l.get(\"href\")) for l in urls[loc].findall(X + \"link\")}
    assert alts == want, (loc, alts)
" "$BODY" "$BASE$EURL" "$BASE$MURL"'

http GET "/admin/releases/$EID" -b "$TA"
check "the English release's page lists its Malay version and offers no other" eval '
    has "The Bahasa Melayu version: <a href=\"/admin/releases/${MID:-0}\" lang=\"ms\">" && ! has "translation_of="'
http GET "/admin/releases/new?translation_of=$EID" -b "$TA"
status_is 409 "asking for a third version when every language is written answers 409"
http GET "/admin/releases/new?translation_of=999999" -b "$TA"
status_is 404 "a translation of a release that does not exist answers 404"
login "$TMP/translation-author2.jar" author2 author-two-password
http GET "/admin/releases/new?translation_of=$EID" -b "$TMP/translation-author2.jar"
status_is 404 "another author cannot translate someone else's release"

# A major change published to the English version marks the Malay one for staff, until it is said to hold.
http GET "/admin/releases/$EID" -b "$TE1"
form_post "$TE1" "/admin/releases/$EID" "/admin/releases/$EID" --data-urlencode "title=$ET" \
    --data-urlencode "summary=Summary, corrected." --data-urlencode "body=The English text, with the dates corrected." \
    --data-urlencode "change_note=Corrected the dates" --data-urlencode major=1 \
    --data-urlencode "version=$(version_in "$BODY")" --data-urlencode action=submit
check "editor1 submits a second edition of the English version with a major change" wf_done submit "$EID"
approve_publish "$TE2" "$EID"
check "... which admin1 approves and publishes" wf_done publish "$EID"
http GET "/admin/releases/${MID:-0}" -b "$TA"
check "the Malay version's page now says it may be out of date, with a way to say it still holds" \
    eval 'has "May be out of date: another version published a major change" &&
    has "action=\"/admin/releases/${MID:-0}/still-current\""'
http GET "$MURL"
check "... which the public never sees" lacks "out of date"
form_post "$TA" "/admin/releases/${MID:-0}" "/admin/releases/${MID:-0}/still-current"
check "its author says it still holds (303 to ?done=still_current)" \
    eval '[ "$STATUS" = 303 ] && hdr Location | grep -q "done=still_current$"'
http GET "/admin/releases/${MID:-0}" -b "$TA"
check "... and the mark is gone, recorded in the audit log" eval '! has "May be out of date" &&
    sql_is 1 "SELECT count(*) FROM audit_log WHERE action = '"'"'release_still_current'"'"' AND subject = '"'"'release:${MID:-0}'"'"'"'
http GET "/admin/releases/$EID" -b "$TE1"
check "the English version, whose change it was, is not marked" lacks "May be out of date"
