# t_validation: a bad release form comes back 422 with every problem named and nothing lost; titles and bodies are escaped.

. tests/e2e/workflow_lib.sh
V="$TMP/validation-editor.jar" VADM="$TMP/validation-admin1.jar"
login "$V" editor1 editor-one-password

# A long body with Markdown, blank lines and characters that need escaping in a textarea.
LONG_BODY="Opening paragraph: fish & chips <b>not bold</b> \"quoted\" and 'single'."
i=0
while [ $i -lt 40 ]; do
	LONG_BODY="$LONG_BODY

Paragraph $i of a long body, long enough to be more than a few lines of text in the form."
	i=$((i + 1))
done
LONG_BODY="$LONG_BODY

Closing line-marker-7f3a."

# summary_names FIELD_ID: the error summary links to the field.
summary_names() {
	grep -q "<a href=\"#$1\">" "$BODY"
}

form_post "$V" /admin/releases/new /admin/releases \
    --data-urlencode "title=" \
    --data-urlencode "summary=Kept summary & more" \
    --data-urlencode "body=$LONG_BODY" \
    --data-urlencode event_id=new \
    --data-urlencode "event_title=Workshop with bad dates" --data-urlencode event_kind=workshop \
    --data-urlencode event_starts_on=2025-02-30 --data-urlencode event_ends_on=2025-02-01 \
    --data-urlencode event_city=Nowhere --data-urlencode event_country=ZZ \
    --data-urlencode event_participants=55 --data-urlencode event_countries=7 \
    --data-urlencode "event_organisers=First Organiser
Second Organiser" \
    --data-urlencode "member_role=legal counsel" --data-urlencode "member_department=Dept of Tests" \
    --data-urlencode member_count=lots --data-urlencode member_names= \
    --data-urlencode action=save
cp "$BODY" "$TMP/validation-422.html"
status_is 422 "a release with an empty title, 2025-02-30, country ZZ and a count of 'lots' answers 422"
check "nothing was saved" sql_is 0 "SELECT count(*) FROM events WHERE title = 'Workshop with bad dates'"
body_has "the page has an error summary" 'class="error-summary"'
for f in title event_starts_on event_country member_count-1; do
	check "the error summary names the field $f" summary_names "$f"
done
check "the invalid fields are marked aria-invalid" eval \
    'grep -q "id=\"title\"[^>]*aria-invalid=\"true\"" "$BODY" && grep -q "id=\"event_starts_on\"[^>]*aria-invalid=\"true\"" "$BODY"'
F="$TMP/validation-422.html"
check "the typed start date 2025-02-30 is still in the form" eval '[ "$(field_value "$F" event_starts_on)" = 2025-02-30 ]'
check "the typed end date is still in the form" eval '[ "$(field_value "$F" event_ends_on)" = 2025-02-01 ]'
check "the typed count 'lots' is still in the form" eval '[ "$(field_value "$F" member_count-1)" = lots ]'
check "the other typed values are still in the form (event title, city, numbers, role, department)" eval '
	[ "$(field_value "$F" event_title)" = "Workshop with bad dates" ] &&
	[ "$(field_value "$F" event_city)" = Nowhere ] &&
	[ "$(field_value "$F" event_participants)" = 55 ] &&
	[ "$(field_value "$F" event_countries)" = 7 ] &&
	[ "$(field_value "$F" member_role-1)" = "legal counsel" ] &&
	[ "$(field_value "$F" member_department-1)" = "Dept of Tests" ]'
check "the summary is still in the form, escaped" eval '[ "$(field_value "$F" summary)" = "Kept summary & more" ] && grep -q "Kept summary &amp; more" "$F"'
check "the long body's text is still in the form, escaped (no raw <b>)" eval \
    'grep -q "line-marker-7f3a" "$F" && grep -q "fish &amp; chips &lt;b&gt;" "$F" && ! grep -q "<b>not bold" "$F"'
shown=$(field_value "$F" body)
check "the long body is still in the form exactly as typed, blank lines included" \
    eval '[ "$shown" = "$LONG_BODY" ] || { diag "body comes back as: $(echo "$shown" | head -c 200)"; false; }'
shown=$(field_value "$F" event_organisers)
check "the organisers (one per line) are still in the form exactly as typed" \
    eval '[ "$shown" = "First Organiser
Second Organiser" ] || { diag "organisers come back as: $shown"; false; }'
check "the country ZZ is not offered as a choice" eval '! grep -q "option value=\"ZZ\"" "$F"'

form_post "$V" /admin/releases/new /admin/releases \
    --data-urlencode "title=Release with an event ending before it starts" --data-urlencode "body=Text." \
    --data-urlencode event_id=new --data-urlencode "event_title=Backwards event" --data-urlencode event_kind=meeting \
    --data-urlencode event_starts_on=2025-02-18 --data-urlencode event_ends_on=2025-02-17 \
    --data-urlencode event_country=th --data-urlencode action=save
status_is 422 "an event whose last day is before its first day answers 422"
check "... with the last day named in the error summary" summary_names event_ends_on
check "... and only that problem (a lower-case country code th is accepted)" eval '! summary_names event_country && ! summary_names event_starts_on'

form_post "$V" /admin/releases/new /admin/releases --data-urlencode "title=Unknown event" \
    --data-urlencode "body=Text." --data-urlencode event_id=999999 --data-urlencode action=save
status_is 422 "an event_id that does not exist answers 422"
check "... naming the event field" summary_names event_id

form_post "$V" /admin/releases/new /admin/releases --data-urlencode "title=Kind of event" \
    --data-urlencode "body=Text." --data-urlencode event_id=new --data-urlencode "event_title=Odd kind" \
    --data-urlencode event_kind=party --data-urlencode event_starts_on=2025-02-18 --data-urlencode action=save
status_is 422 "an event kind outside the list answers 422"
check "... naming the kind" summary_names event_kind

# A title that is markup must come out as text everywhere.
XSS='<script>alert(1)</script>'
XSS_ESC='&lt;script&gt;alert(1)&lt;/script&gt;'
form_post "$V" /admin/releases/new /admin/releases --data-urlencode "title=$XSS" \
    --data-urlencode "summary=Summary $XSS" \
    --data-urlencode "body=Raw HTML follows.

<script>alert(2)</script>

<img src=x onerror=alert(3)>

[a link](javascript:alert(4))

Inline <span onmouseover=alert(5)>span</span> end." \
    --data-urlencode action=submit
status_is 303 "a release titled $XSS is saved and submitted for review"
XID=$(done_id submit)
http GET /admin/review -b "$V"
never_raw_early=$(has "$XSS_ESC" && lacks "$XSS" && echo yes)
login "$VADM" admin1 admin-one-password
check "admin1 approves and publishes it" approve_publish "$VADM" "${XID:-0}"

# never_raw DESC: the last page shows the title escaped and never raw.
never_raw() {
	if has "$XSS_ESC" && lacks "$XSS" && lacks "alert(1)</script>"; then
		ok "$1"
	else
		not_ok "$1"
		grep -n "alert(1)" "$BODY" | head -5 >&2
	fi
}
http GET /
never_raw "/ shows the markup title escaped, never raw"
xurl=$(link_to "$BODY" "$XSS_ESC")
http GET "$xurl"
status_is 200 "the markup-titled release has a public page"
never_raw "the release page shows the markup title escaped, never raw"
check "the release page has no <script> element but its JSON-LD data block" \
    eval '! grep -i "<script" "$BODY" | grep -qv "<script type=\"application/ld+json\">"'
check "the Markdown body drops the raw <img onerror>" eval '! grep -qiE "<img[^>]*onerror" "$BODY"'
check "the Markdown body drops the inline onmouseover handler" eval '! grep -qiE "<span[^>]*onmouseover" "$BODY"'
check "the Markdown body drops the javascript: link" eval '! grep -qi "href=\"javascript:" "$BODY"'
body_has "the Markdown body still shows its ordinary text" "Raw HTML follows." "end."
http GET /admin -b "$V"
never_raw "the dashboard shows the markup title escaped, never raw"
http GET "/admin/releases/$XID" -b "$V"
never_raw "the edit form shows the markup title escaped, never raw"
check "the review queue showed the markup title escaped, never raw" test "$never_raw_early" = yes
check "the stored HTML body holds no <script>" eval '! sql "SELECT body_html FROM releases WHERE id = ${XID:-0}" | grep -qi "<script"'

# The workflow's own fields: a bad time or a missing reason comes back 422 with the edit page, and nothing happens.
new_release "$V" "Release for checking the publish fields" submit
SID=${NEW_ID:-0}
check "admin1 approves the release for the publish-field checks" wf_step "$VADM" "$SID" approve
# bad_publish DESC WANT_TEXT [fields...]: admin1 publishes with the fields; 422 naming the problem, still approved.
bad_publish() {
	_bp_desc=$1 _bp_want=$2
	shift 2
	wf "$VADM" "$SID" publish "$@"
	if [ "$STATUS" = 422 ] && has "$_bp_want" && sql_is approved "SELECT status FROM releases WHERE id = $SID"; then
		ok "$_bp_desc answers 422 naming the problem, and nothing is published"
	else
		not_ok "$_bp_desc answers 422 naming the problem, and nothing is published (got $STATUS)"
		diag "wanted the text: $_bp_want"
		show_last
	fi
}
bad_publish "publish_at 2025-02-30T10:00" "Publish at" --data-urlencode publish_at=2025-02-30T10:00
bad_publish "publish_at 'tomorrow'" "Publish at" --data-urlencode publish_at=tomorrow
bad_publish "publish_at 2025-03-01 10:00 (a space, not a T)" "Publish at" --data-urlencode "publish_at=2025-03-01 10:00"
bad_publish "withdraw_at without a reason" "Reason for the scheduled withdrawal is required" \
    --data-urlencode "withdraw_at=$(TZ=Asia/Brunei date -d '+3 days' +%Y-%m-%dT%H:%M)"
bad_publish "withdraw_at before publish_at" "Withdraw at must be after" \
    --data-urlencode "publish_at=$(TZ=Asia/Brunei date -d '+3 days' +%Y-%m-%dT%H:%M)" \
    --data-urlencode "withdraw_at=$(TZ=Asia/Brunei date -d '+2 days' +%Y-%m-%dT%H:%M)" \
    --data-urlencode "withdraw_note=Ends early."
long_note=$(head -c 2001 /dev/zero | tr '\0' x)
wf "$VADM" "$SID" request_changes --data-urlencode "note=$long_note"
check "a comment for the author of 2001 characters answers 422 and the release stays approved (got $STATUS)" \
    eval '[ "$STATUS" = 422 ] && sql_is approved "SELECT status FROM releases WHERE id = $SID"'
wf "$VADM" "$SID" request_changes --data-urlencode "note=   "
check "a comment for the author of only spaces answers 422 naming it (got $STATUS)" \
    eval '[ "$STATUS" = 422 ] && has "Comment for the author is required"'
wf "$VADM" "$SID" withdraw --data-urlencode "note=Not needed."
status_is 403 "withdrawing a release that was never published gets 403"
wf "$VADM" "$SID" bogus_action
status_is 400 "an unknown workflow action gets 400 (malformed, not forbidden)"
wf "$VADM" "$SID" save
status_is 400 "action=save is not a workflow step (400)"
http GET "/admin/releases/$SID" -b "$V"
check "after all that the release is still approved and not public" eval \
    'sql_is approved "SELECT status FROM releases WHERE id = $SID" && ! sql "SELECT published_at FROM releases WHERE id = $SID" | grep -q .'
# Published now, a withdraw_at already past would withdraw it the moment it goes out.
new_release "$V" "Release for checking a past withdrawal time" submit
SID=${NEW_ID:-0}
check "admin1 approves the release for the past-withdrawal check" wf_step "$VADM" "$SID" approve
bad_publish "publishing now with withdraw_at an hour ago" "Withdraw at" \
    --data-urlencode "withdraw_at=$(TZ=Asia/Brunei date -d '-1 hour' +%Y-%m-%dT%H:%M)" \
    --data-urlencode "withdraw_note=Already over."

# The login form echoes a typed name: it must be escaped too.
J="$TMP/validation-login.jar"
: > "$J"
tok=$(csrf_of "$J" /login)
http POST /login -b "$J" -c "$J" --data-urlencode 'name="><script>alert(6)</script>' \
    --data-urlencode password=wrong-password-1 --data-urlencode "csrf=$tok"
check "a login name of markup is echoed escaped (422, no <script>)" \
    eval '[ "$STATUS" = 422 ] && ! grep -qi "<script" "$BODY" && grep -q "&quot;&gt;&lt;script&gt;" "$BODY"'
http GET '/login?next=%22%3E%3Cscript%3Ealert(7)%3C/script%3E'
check "a next= of markup on /login is not echoed raw" eval '[ "$STATUS" = 200 ] && ! grep -qi "<script" "$BODY"'
http GET '/login?next=//evil.example/'
check "a next= to another host is replaced by /admin in the login form" eval 'grep -q "name=\"next\" value=\"/admin\"" "$BODY"'
