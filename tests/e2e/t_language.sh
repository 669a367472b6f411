# t_language: a release is written in English or Malay, chosen in the form; its page marks its text
# with that language and writes its dates in it; the feed and the API say which it is.
. tests/e2e/workflow_lib.sh

LA="$TMP/language-author.jar" LE="$TMP/language-editor.jar"
login "$LA" author1 author-one-password
login "$LE" admin1 admin-one-password

http GET /admin/releases/new -b "$LA"
check "the form offers the language of the text, English first and chosen, then Bahasa Melayu" eval '
    has "<label for=\"language\">Language of the text</label>" &&
    grep -A3 "<select id=\"language\"" "$BODY" | tr -d "\n" | grep -q "value=\"en\" lang=\"en\" selected>English</option><option value=\"ms\" lang=\"ms\">Bahasa Melayu"'

LT="Peguam Negara: Dato Paduka Haji Awang bin Ahmad di bengkel serantau 'jenayah paksa'"
LB="Delegasi Jabatan Peguam Negara, termasuk Pengiran Hajah Norhayati binti Pengiran Haji Ali, menghadiri bengkel \"pemerdagangan orang\" di Bangkok."
form_post "$LA" /admin/releases/new /admin/releases --data-urlencode "title=$LT" --data-urlencode "language=ms" \
    --data-urlencode "summary=Ringkasan: dua pegawai kehakiman dan dua peguam." --data-urlencode "body=$LB" \
    --data-urlencode "event_id=" --data-urlencode "action=submit"
LID=$(done_id submit)
LID=${LID:-0}
check "an author saves a release written in Malay" sql_is "ms" "SELECT language FROM releases WHERE id = $LID"
check "... its title and body exactly as typed, apostrophes and quotes included" \
    sql_is "$LT|$LB" "SELECT title, body FROM releases WHERE id = $LID"
approve_publish "$LE" "$LID"
check "an editor approves and publishes it" wf_done publish "$LID"

# The office's day and month now, and the month's Malay name.
_month=$(TZ=Asia/Brunei date +%-m) _day=$(TZ=Asia/Brunei date +%-d) _year=$(TZ=Asia/Brunei date +%Y)
_ms=$(echo "Januari Februari Mac April Mei Jun Julai Ogos September Oktober November Disember" | cut -d' ' -f"$_month")
http GET "$(public_url "$LID")"
check "its page marks the title, summary and body as Malay (lang=ms)" eval 'has "<h1 lang=\"ms\">" &&
    has "<p class=\"summary\" lang=\"ms\">" && has "<div class=\"body\" lang=\"ms\">"'
check "... and writes its date in Malay ($_day $_ms $_year)" has "lang=\"ms\">$_day $_ms $_year</time>"
check "... while the page around it stays in the interface's language" has "<html lang=\"en\">"
http GET "/api/v1/releases/$LID"
check "the API gives its language as ms" eval 'python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d[\"language\"] == \"ms\" and d[\"title\"] == sys.argv[2], (d[\"language\"], d[\"title\"])
" "$BODY" "$LT"'
http GET /feed.atom
check "the feed marks its entry xml:lang=ms, its title exact" eval '/usr/bin/python3 -c "
import sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
e = [e for e in doc.getElementsByTagName(\"entry\") if e.getElementsByTagName(\"title\")[0].firstChild.data == sys.argv[2]]
assert e and e[0].getAttribute(\"xml:lang\") == \"ms\"
" "$BODY" "$LT"'

http GET "/admin/releases/$LID" -b "$LA"
check "once published, its language is shown but fixed (the select is disabled)" \
    eval 'has "<select id=\"language\" name=\"language\" disabled" && has "Fixed once published"'
new_release "$LA" "An English release by default" save
check "a form that sends no language saves English, the first offered" \
    sql_is en "SELECT language FROM releases WHERE id = ${NEW_ID:-0}"
form_post "$LA" /admin/releases/new /admin/releases --data-urlencode "title=Kept title for a bad language" \
    --data-urlencode "body=Kept body." --data-urlencode "language=fr" --data-urlencode "action=save"
check "a language not offered: 422 naming the field, the title kept" eval '[ "$STATUS" = 422 ] &&
    has "Language is not one of the languages offered" && has "value=\"Kept title for a bad language\""'

# Search finds Malay words: FTS5's unicode61 tokenizer splits them as any others, and the last word
# typed is tried as a prefix when it finds nothing whole.
http GET "/search?q=menghadiri"
check "searching a Malay word finds the Malay release" has "$(printf '%s' "$LT" | sed "s/'/\&#39;/g")"
http GET "/search?q=pemerdaga"
check "... and the start of one (pemerdaga, of pemerdagangan), as a prefix" \
    has "$(printf '%s' "$LT" | sed "s/'/\&#39;/g")"
